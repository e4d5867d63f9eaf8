import type { Severity } from '@domain/credit';

/**
 * Repair's copy of one credit record, as collection announced it. `status` is collection's
 * (active | under-objection | corrected | repaired) or `revoked` / `expired` when the record
 * ended; `version` orders updates (an older one than what is held changes nothing).
 */
export interface RepairRecord {
  recordId: string;
  recordType: string;
  subjectKind: 'org' | 'person' | 'vehicle' | 'vessel';
  subjectId: string;
  subjectName: string;
  /** The authority region of the record (GB/T 2260): its units decide the repair (谁认定、谁修复). */
  region: string;
  severity: Severity;
  decisionDate: string;
  documentNumber: string;
  publicityEndsOn: string | null;
  payload: Record<string, unknown>;
  status: string;
  version: number;
  changedAt: string;
  /**
   * Set on a record a partner province decided and pushed (ADR 0069): that province decides its
   * repair, so an application about it is forwarded there (ADR 0084). Null: ours.
   */
  partner: RecordPartner | null;
}

/** A partner-pushed record's provenance, as `credit.records.created` carries it. */
export interface RecordPartner {
  region: string;
  sourceReference: string;
  agreement: string;
}

/** Statuses in which the record is still in force (as collection's REPAIRABLE_STATUSES). */
export const IN_FORCE_STATUSES: readonly string[] = ['active', 'corrected', 'under-objection'];

export function isInForce(record: Pick<RepairRecord, 'status'>): boolean {
  return IN_FORCE_STATUSES.includes(record.status);
}
