import type { ReportChange } from '../domain/report-changes';

/** A report's verification code, as printed on it (any case, with or without separators). */
export interface VerifyCreditReportQuery {
  code: string;
}

/** What the report said and whether its stored content still matches its hash. */
export interface CreditReportVerificationView {
  code: string;
  uscc: string;
  name: string;
  issuedAt: string;
  contentHash: string;
  intact: boolean;
  logSeq: string;
  penalties: number;
  licences: number;
  profileJson: string;
  /** The publication-log entry of the issue still holds this content hash. */
  logged: boolean;
  /** Nothing the report showed has changed since its issue. */
  current: boolean;
  changes: ReportChange[];
}
