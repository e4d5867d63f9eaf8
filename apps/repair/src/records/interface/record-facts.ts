import type { CreditRecordCreatedV1, CreditRecordUpdatedV1 } from '@contracts';
import type { RepairRecord } from '../domain/repair-record';

/** A record's facts as collection's events state them (repair's copy, and the repair notice, are computed from them). */
export function factsOf(r: CreditRecordCreatedV1 | CreditRecordUpdatedV1): Omit<RepairRecord, 'status' | 'version' | 'changedAt' | 'partner'> {
  return {
    recordId: r.recordId,
    recordType: r.recordType,
    subjectKind: r.subject.kind,
    subjectId: r.subject.id,
    subjectName: r.subject.name,
    region: r.region,
    severity: r.severity,
    decisionDate: r.decisionDate,
    documentNumber: r.documentNumber,
    publicityEndsOn: r.publicityEndsOn ?? null,
    payload: r.payload ?? {},
  };
}
