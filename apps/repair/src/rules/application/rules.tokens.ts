import { checklistViolations, type RepairChecklist } from '../domain/repair-checklist';
import { loadRepairRules, type RepairRules } from '../domain/repair-rules';
import { REPAIR_CHECKLIST_V1 } from '../domain/shipped-repair-checklist';
import { CURRENT_REPAIR_RULES } from '../domain/shipped-repair-rules';

/** The repair rules in force, checked when the service loads them (a bad document stops the boot). */
export const REPAIR_RULES = Symbol('REPAIR_RULES');
/** The checklist of penalty items and their repair mode, checked when loaded. */
export const REPAIR_CHECKLIST = Symbol('REPAIR_CHECKLIST');

export const repairRulesProvider = { provide: REPAIR_RULES, useFactory: (): RepairRules => loadRepairRules(CURRENT_REPAIR_RULES) };

export const repairChecklistProvider = {
  provide: REPAIR_CHECKLIST,
  useFactory: (): RepairChecklist => loadRepairChecklist(REPAIR_CHECKLIST_V1),
};

export function loadRepairChecklist(checklist: RepairChecklist): RepairChecklist {
  const violations = checklistViolations(checklist);
  if (violations.length > 0)
    throw new Error(`repair checklist v${checklist.version} is invalid: ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}`);
  return checklist;
}
