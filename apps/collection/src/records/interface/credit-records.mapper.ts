import type { collectionV1 } from '@contracts';
import type { RecordWithHistory } from '../application/get-record.query';

/** A record and its history as the wire's GetRecordResponse (payload and changes as JSON text). */
export function toGetRecordResponse({ record, history }: RecordWithHistory): collectionV1.GetRecordResponse {
  return {
    id: record.id,
    recordType: record.recordType,
    subject: { kind: record.subjectKind, id: record.subjectId, name: record.subjectName },
    region: record.region,
    severity: record.severity,
    decisionDate: record.decisionDate,
    documentNumber: record.documentNumber,
    status: record.status,
    payloadJson: JSON.stringify(record.payload),
    receivedAt: record.receivedAt.toISOString(),
    sourceClientId: record.sourceClientId,
    catalogueVersion: record.catalogueVersion,
    partner: record.partnerRegion
      ? { region: record.partnerRegion, sourceReference: record.partnerReference ?? '', agreement: record.partnerAgreement ?? '' }
      : undefined,
    publicSummary: record.publicSummary ?? '',
    history: history.map((v) => ({
      version: v.version,
      status: v.status,
      change: v.change,
      reason: v.reason,
      changedAt: v.changedAt.toISOString(),
      changedBy: v.changedBy,
      changesJson: v.changes ? JSON.stringify(v.changes) : '',
    })),
  };
}
