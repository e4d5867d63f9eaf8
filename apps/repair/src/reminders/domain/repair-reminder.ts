import { isInForce, type RepairRecord } from '../../records/domain/repair-record';
import { repairModeFor, type RepairChecklist, type RepairMode } from '../../rules/domain/repair-checklist';
import { earliestRepairDate, publicationEndsOn, recordTypeRepairability, type RepairRules } from '../../rules/domain/repair-rules';

/** When and how one published record can be repaired (the repair notice, 信用修复告知). */
export interface RepairReminder {
  recordId: string;
  recordType: string;
  severity: string;
  decisionDate: string;
  earliestRepairDate: string;
  publicationEndsOn: string;
  mode: RepairMode;
  modeBasis: string;
  eligibleNow: boolean;
}

/**
 * A reminder for each of a subject's records that is in force, still published today and of a
 * repairable type: the first day a repair may be applied for and the mode its checklist item says.
 */
export function repairReminders(rules: RepairRules, checklist: RepairChecklist, records: readonly RepairRecord[], today: string): RepairReminder[] {
  return records.flatMap((record) => {
    if (!isInForce(record) || !recordTypeRepairability(rules, record.recordType).repairable) return [];
    const endsOn = record.publicityEndsOn ?? publicationEndsOn(rules, record.severity, record.decisionDate);
    if (today > endsOn) return [];
    const earliest = earliestRepairDate(rules, record.severity, record.decisionDate);
    const { mode, basis } = repairModeFor(checklist, record.payload['violationType']);
    return [
      {
        recordId: record.recordId,
        recordType: record.recordType,
        severity: record.severity,
        decisionDate: record.decisionDate,
        earliestRepairDate: earliest,
        publicationEndsOn: endsOn,
        mode,
        modeBasis: basis,
        eligibleNow: today >= earliest,
      },
    ];
  });
}
