/** Stable codes for credit record errors; mapped once per transport (gRPC status, problem+json). */
export const RecordErrorCode = {
  Invalid: 'RECORD.INVALID',
  UnknownType: 'RECORD.UNKNOWN_TYPE',
  Duplicate: 'RECORD.DUPLICATE',
  NotFound: 'RECORD.NOT_FOUND',
  AlreadyRevoked: 'RECORD.ALREADY_REVOKED',
  NotProvider: 'RECORD.NOT_PROVIDER',
  UnderObjection: 'RECORD.UNDER_OBJECTION',
  /** Paging through lists (shared request codes). */
  InvalidCursor: 'REQUEST.INVALID_CURSOR',
  InvalidLimit: 'REQUEST.INVALID_LIMIT',
} as const;
