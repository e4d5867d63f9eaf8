export interface ConfirmCommitmentFindingCommand {
  findingId: string;
  documentNumber: string;
  decisionDate: string;
  /** '' for the configured default. */
  severity: string;
}

export interface DismissCommitmentFindingCommand {
  findingId: string;
  reason: string;
}
