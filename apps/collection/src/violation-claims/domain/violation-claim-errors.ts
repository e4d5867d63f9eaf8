/** Stable codes for violation claim errors; mapped once per transport (gRPC status, problem+json). */
export const ViolationClaimErrorCode = {
  Invalid: 'VIOLATION.INVALID',
  NotAViolation: 'VIOLATION.NOT_A_MONITORING_VIOLATION',
  NotInForce: 'VIOLATION.NOT_IN_FORCE',
  AlreadyClaimed: 'VIOLATION.ALREADY_CLAIMED',
  NotClaimed: 'VIOLATION.NOT_CLAIMED',
  AlreadyDisposed: 'VIOLATION.ALREADY_DISPOSED',
} as const;
