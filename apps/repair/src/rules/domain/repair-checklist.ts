/**
 * The checklist that sends each penalty item to one of two repair modes (seed 003 珠海: 对常用的六百余项
 * 处罚事项编制审核清单; 违法行为没有继续状态、无需采取积极行为消除不良后果的，允许以"承诺模式"纠正，企业签署承诺书即可出具同意意见;
 * 违法状态继续、需要采取积极行为改正违法行为的，要求以"闭环模式"纠正，在企业整改完成后出具审核同意意见).
 */
export type RepairMode = 'repair-commitment' | 'closed-loop';
export const REPAIR_MODES: readonly RepairMode[] = ['repair-commitment', 'closed-loop'];

export interface ChecklistItem {
  /** The penalty item, as the record's `violationType` names it (违法行为类型). */
  violationType: string;
  mode: RepairMode;
  /** Why this mode (继续状态 or not), for the applicant. */
  reason: string;
}

export interface RepairChecklist {
  version: number;
  /** Where the items come from. */
  source: string;
  items: ChecklistItem[];
  /** The mode of a penalty item the checklist does not list, with why. */
  unlisted: { mode: RepairMode; reason: string };
}

export interface ModeChoice {
  mode: RepairMode;
  basis: string;
}

/** The mode for a record's violation type: its checklist item, or the checklist's rule for unlisted items. */
export function repairModeFor(checklist: RepairChecklist, violationType: unknown): ModeChoice {
  const wanted = typeof violationType === 'string' ? violationType.trim() : '';
  const item = checklist.items.find((i) => i.violationType === wanted);
  if (item) return { mode: item.mode, basis: `${checklist.source}：${item.violationType}（${item.reason}）` };
  return { mode: checklist.unlisted.mode, basis: `${checklist.source}：清单未列事项（${checklist.unlisted.reason}）` };
}

/** Everything wrong with a checklist (empty: it may be loaded). */
export function checklistViolations(checklist: RepairChecklist): { field: string; message: string }[] {
  const seen = new Set<string>();
  return checklist.items.flatMap((item, i) => {
    const problems: { field: string; message: string }[] = [];
    if (item.violationType.trim() === '') problems.push({ field: `items[${i}].violationType`, message: 'must not be empty' });
    if (seen.has(item.violationType)) problems.push({ field: `items[${i}].violationType`, message: `"${item.violationType}" is listed twice` });
    if (!REPAIR_MODES.includes(item.mode)) problems.push({ field: `items[${i}].mode`, message: `must be one of ${REPAIR_MODES.join(', ')}` });
    seen.add(item.violationType);
    return problems;
  });
}
