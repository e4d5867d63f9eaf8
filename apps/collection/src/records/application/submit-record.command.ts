import type { RecordStatus } from '../domain/credit-record';
import type { RawSubmission } from '../domain/record-submission';

/** One record as the client sent it (validated against the catalogue by the handler). */
export type SubmitRecordCommand = RawSubmission;

export interface SubmitRecordResult {
  id: string;
  status: RecordStatus;
  /** The answer of an earlier submission with the same Idempotency-Key or source record id. */
  replayed: boolean;
}
