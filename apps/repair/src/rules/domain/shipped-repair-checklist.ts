import type { RepairChecklist } from './repair-checklist';

/**
 * Checklist v1: a representative set of road and water transport penalty items, classified by the
 * rule of seed 003 珠海 (没有继续状态 → 承诺模式; 违法状态继续 → 闭环模式). Placeholder: Zhuhai's own
 * list (600+ items) is not in the seeds, so the items below are chosen by that rule, not copied;
 * an unlisted item goes the closed-loop way (a continuing violation must not slip out on a
 * signature alone).
 */
export const REPAIR_CHECKLIST_V1: RepairChecklist = {
  version: 1,
  source: '信用修复审核清单第1版（依珠海"承诺模式/闭环模式"分类规则，seed 003；事项为代表性占位）',
  items: [
    { violationType: '超限运输', mode: 'repair-commitment', reason: '单次违法行为已结束，无继续状态' },
    { violationType: '超速行驶', mode: 'repair-commitment', reason: '单次违法行为已结束，无继续状态' },
    { violationType: '疲劳驾驶', mode: 'repair-commitment', reason: '单次违法行为已结束，无继续状态' },
    { violationType: '未随车携带道路运输证', mode: 'repair-commitment', reason: '单次违法行为已结束，无继续状态' },
    { violationType: '未按规定使用卫星定位装置', mode: 'closed-loop', reason: '违法状态继续，须恢复装置正常使用' },
    { violationType: '未取得道路运输经营许可擅自从事经营', mode: 'closed-loop', reason: '违法状态继续，须停止经营或取得许可' },
    { violationType: '车辆未按规定进行综合性能检测', mode: 'closed-loop', reason: '违法状态继续，须完成检测' },
    { violationType: '船舶未按规定配备船员', mode: 'closed-loop', reason: '违法状态继续，须按规定配员' },
  ],
  unlisted: { mode: 'closed-loop', reason: '未列入清单的事项须提交整改材料并经审核' },
};
