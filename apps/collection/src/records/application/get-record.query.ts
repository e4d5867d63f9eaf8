import type { CreditRecord, RecordStatus } from '../domain/credit-record';

/** One record by id, with its history. */
export interface GetRecordQuery {
  id: string;
}

/** One version of a record, as appended (never updated). */
export interface RecordVersionView {
  version: number;
  status: RecordStatus;
  change: string;
  reason: string;
  changedAt: Date;
  changedBy: string;
  /** For a correction: { field: { from, to } }. */
  changes: Record<string, { from: unknown; to: unknown }> | null;
}

export interface RecordWithHistory {
  record: CreditRecord;
  history: RecordVersionView[];
}
