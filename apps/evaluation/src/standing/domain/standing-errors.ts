/** Stable codes for standing (evaluation results) errors; mapped once per transport (gRPC status, problem+json). */
export const StandingErrorCode = {
  SubjectNotFound: 'EVALUATION.SUBJECT_NOT_FOUND',
  InvalidAsOf: 'EVALUATION.INVALID_AS_OF',
} as const;
