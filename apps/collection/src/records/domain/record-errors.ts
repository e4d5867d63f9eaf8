/** Stable codes for credit record errors; mapped once per transport (gRPC status, problem+json). */
export const RecordErrorCode = {
  Invalid: 'RECORD.INVALID',
  UnknownType: 'RECORD.UNKNOWN_TYPE',
  Duplicate: 'RECORD.DUPLICATE',
  NotFound: 'RECORD.NOT_FOUND',
  AlreadyRevoked: 'RECORD.ALREADY_REVOKED',
  NotProvider: 'RECORD.NOT_PROVIDER',
  UnderObjection: 'RECORD.UNDER_OBJECTION',
  /** A partner's record names a province that is not the sender's (the gateway's code, re-checked here). */
  PartnerNotSender: 'EXCHANGE.PROVINCE_NOT_SENDER',
  /** A partner reference already stored with different content (ADR 0069). */
  PartnerReferenceReused: 'EXCHANGE.RECORD_REFERENCE_REUSED',
  /** Paging through lists (shared request codes). */
  InvalidCursor: 'REQUEST.INVALID_CURSOR',
  InvalidLimit: 'REQUEST.INVALID_LIMIT',
} as const;
