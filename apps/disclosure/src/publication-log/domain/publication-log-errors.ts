/** Stable codes for publication log errors; mapped once per transport (gRPC status, problem+json). */
export const PublicationLogErrorCode = {
  InvalidPublicationId: 'PUBLIC.INVALID_PUBLICATION_ID',
  PublicationNotFound: 'PUBLIC.PUBLICATION_NOT_FOUND',
} as const;

/**
 * Codes of the record-changes read the exchange feed makes (ADR 0079): the gateway's, never the
 * public's (the gateway answers partners with its own EXCHANGE.* codes), so not PUBLIC.*.
 */
export const RecordChangesErrorCode = {
  /** A read after something that is not a log position (or by a caller without a region). */
  InvalidFeedPosition: 'RECORD_CHANGES.INVALID_POSITION',
} as const;
