/** A repair revoked by its deciding authority (false commitment), as the repair service announced it. */
export interface RevokeRepairCommand {
  applicationId: string;
  recordId: string;
  subjectId: string;
  revokedBy: string;
  /** ISO 8601 timestamp. */
  revokedAt: string;
  reason: string;
}

export type RevocationOutcome = 'restored' | 'not-repaired';
