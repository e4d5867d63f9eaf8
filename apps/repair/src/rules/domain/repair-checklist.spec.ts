import { checklistViolations, repairModeFor } from './repair-checklist';
import { REPAIR_CHECKLIST_V1 } from './shipped-repair-checklist';

describe('repair checklist (seed 003 珠海: 承诺模式 / 闭环模式)', () => {
  it('loads: no item twice, every mode known', () => {
    expect(checklistViolations(REPAIR_CHECKLIST_V1)).toEqual([]);
  });

  it('a violation with no continuing state is repaired by commitment (违法行为没有继续状态…企业签署承诺书即可)', () => {
    expect(repairModeFor(REPAIR_CHECKLIST_V1, '超限运输').mode).toBe('repair-commitment');
  });

  it('a continuing violation needs the closed loop (违法状态继续…在企业整改完成后出具审核同意意见)', () => {
    expect(repairModeFor(REPAIR_CHECKLIST_V1, '未取得道路运输经营许可擅自从事经营').mode).toBe('closed-loop');
  });

  it('an unlisted or missing item goes the closed-loop way, and says so', () => {
    expect(repairModeFor(REPAIR_CHECKLIST_V1, '其他违法行为')).toEqual({ mode: 'closed-loop', basis: expect.stringContaining('清单未列事项') });
    expect(repairModeFor(REPAIR_CHECKLIST_V1, undefined).mode).toBe('closed-loop');
  });

  it('refuses an item listed twice', () => {
    const twice = { ...REPAIR_CHECKLIST_V1, items: [...REPAIR_CHECKLIST_V1.items, REPAIR_CHECKLIST_V1.items[0]!] };
    expect(checklistViolations(twice)).toEqual([
      { field: `items[${REPAIR_CHECKLIST_V1.items.length}].violationType`, message: expect.stringContaining('twice') },
    ]);
  });
});
