/** Stable codes for collection-quality report errors; mapped once per transport (gRPC status, problem+json). */
export const QualityErrorCode = {
  InvalidMonth: 'REPORT.INVALID_MONTH',
} as const;
