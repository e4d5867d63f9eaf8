/** Stable codes for commitment finding errors; mapped once per transport (gRPC status, problem+json). */
export const CommitmentFindingErrorCode = {
  Invalid: 'COMMITMENT_FINDING.INVALID',
  NotFound: 'COMMITMENT_FINDING.NOT_FOUND',
  AlreadyDecided: 'COMMITMENT_FINDING.ALREADY_DECIDED',
  NotAcceptingUnit: 'COMMITMENT_FINDING.NOT_ACCEPTING_UNIT',
  CommitmentNotInForce: 'COMMITMENT_FINDING.COMMITMENT_NOT_IN_FORCE',
} as const;
