export interface SubmitBatchCommand {
  /** The NDJSON body, one record per line. */
  ndjson: string;
  /** '' for none. */
  idempotencyKey: string;
}

export interface SubmitBatchResult {
  batchId: string;
  lineCount: number;
  replayed: boolean;
}
