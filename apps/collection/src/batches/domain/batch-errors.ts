/** Stable codes for batch errors; mapped once per transport (gRPC status, problem+json). */
export const BatchErrorCode = {
  TooManyLines: 'BATCH.TOO_MANY_LINES',
  Empty: 'BATCH.EMPTY',
  NotFound: 'BATCH.NOT_FOUND',
} as const;
