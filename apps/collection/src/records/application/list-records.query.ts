import type { RecordStatus, SubjectKind } from '../domain/credit-record';

/** Records visible to the caller, filtered (every filter optional: '' or 0 for none). */
export interface ListRecordsQuery {
  subjectId: string;
  recordType: string;
  /** Decision dates from / to (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
  cursor: string;
  limit: number;
}

export interface RecordSummaryView {
  id: string;
  recordType: string;
  subject: { kind: SubjectKind; id: string; name: string };
  region: string;
  severity: string;
  decisionDate: string;
  documentNumber: string;
  status: RecordStatus;
  receivedAt: string;
  sourceClientId: string;
  version: number;
}

export interface ListRecordsView {
  records: RecordSummaryView[];
  /** '' on the last page. */
  nextCursor: string;
}
