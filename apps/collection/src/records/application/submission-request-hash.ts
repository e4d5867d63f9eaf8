import { requestHash } from '@platform/database';
import type { ValidSubmission } from '../domain/record-submission';

/** The operation an Idempotency-Key on a record submission answers (one key never answers two). */
export const SUBMIT_RECORD_OPERATION = 'records.submit';

/**
 * Hash of a submission as the service understood it (normalised, payload as parsed), stored with
 * its Idempotency-Key: a retry with the key must carry the same record.
 */
export function submissionRequestHash(s: ValidSubmission): string {
  return requestHash(SUBMIT_RECORD_OPERATION, {
    recordType: s.type.code,
    subject: s.subject,
    region: s.region,
    severity: s.severity,
    decisionDate: s.decisionDate,
    documentNumber: s.documentNumber,
    sourceRecordId: s.sourceRecordId,
    payload: s.payload,
    // Only partner records carry it, so hashes of our own records stay what they were.
    ...(s.partner ? { partner: { region: s.partner.region, sourceReference: s.partner.sourceReference } } : {}),
  });
}
