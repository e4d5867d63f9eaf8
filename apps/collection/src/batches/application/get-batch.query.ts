/** A batch by id (only the client that sent it, or an admin, may read it). */
export interface GetBatchQuery {
  batchId: string;
}

/** A batch's progress and every rejected line. */
export interface BatchStatus {
  batchId: string;
  status: string;
  lineCount: number;
  processed: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  errors: { line: number; field: string; code: string; message: string }[];
  submittedAt: string;
  completedAt: string;
}
