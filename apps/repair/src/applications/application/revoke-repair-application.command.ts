export interface RevokeRepairApplicationCommand {
  applicationId: string;
  reason: string;
  idempotencyKey?: string;
}
