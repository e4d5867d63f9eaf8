/** A repair approved by the deciding authority, as the repair service announced it. */
export interface ApplyRepairCommand {
  applicationId: string;
  recordId: string;
  subjectId: string;
  /** repair-commitment | closed-loop */
  path: string;
  decidedBy: string;
  /** ISO 8601 timestamp. */
  decidedAt: string;
  reason: string;
}

export type RepairOutcome = 'repaired' | 'already-repaired' | 'no-longer-in-force';
