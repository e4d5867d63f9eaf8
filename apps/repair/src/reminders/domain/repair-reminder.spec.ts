import type { RepairRecord } from '../../records/domain/repair-record';
import { REPAIR_CHECKLIST_V1 } from '../../rules/domain/shipped-repair-checklist';
import { REPAIR_RULES_V1 } from '../../rules/domain/shipped-repair-rules';
import { repairReminders } from './repair-reminder';

const base: RepairRecord = {
  recordId: '00000000-0000-4000-8000-000000000001',
  recordType: 'administrative-penalty',
  subjectKind: 'org',
  subjectId: '91410100MA0000000X',
  subjectName: '郑州某运输有限公司',
  region: '410100',
  severity: 'severe',
  decisionDate: '2026-05-20',
  documentNumber: '郑交罚〔2026〕2号',
  publicityEndsOn: '2029-05-20',
  payload: { violationType: '未按规定使用卫星定位装置' },
  status: 'active',
  version: 1,
  changedAt: '2026-05-20T00:00:00Z',
  partner: null,
};

describe('repair reminders (seed 003 天津: reminders when the minimum period ends; DOMAIN.md §5)', () => {
  it('a severe penalty decided 2026-05-20: repair from 2027-05-21 (1 year minimum), closed loop for a continuing violation', () => {
    expect(repairReminders(REPAIR_RULES_V1, REPAIR_CHECKLIST_V1, [base], '2026-12-06')).toEqual([
      expect.objectContaining({
        recordId: base.recordId,
        earliestRepairDate: '2027-05-21',
        publicationEndsOn: '2029-05-20',
        mode: 'closed-loop',
        eligibleNow: false,
      }),
    ]);
  });

  it('leaves out records repaired, revoked, no longer published or not repairable', () => {
    const records = [
      { ...base, recordId: 'a', status: 'repaired' },
      { ...base, recordId: 'b', status: 'revoked' },
      { ...base, recordId: 'c', publicityEndsOn: '2026-12-05' },
      { ...base, recordId: 'd', recordType: 'commendation' },
    ];
    expect(repairReminders(REPAIR_RULES_V1, REPAIR_CHECKLIST_V1, records, '2026-12-06')).toEqual([]);
  });
});
