/** Issue a credit report (PDF with a verification code) of an enterprise's public profile as of now. */
export interface IssueCreditReportCommand {
  uscc: string;
}

export interface IssueCreditReportResult {
  pdf: Buffer;
  code: string;
  contentHash: string;
  issuedAt: string;
}
