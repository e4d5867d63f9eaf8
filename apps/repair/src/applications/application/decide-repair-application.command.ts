export interface DecideRepairApplicationCommand {
  applicationId: string;
  outcome: string;
  reason: string;
  idempotencyKey?: string;
}
