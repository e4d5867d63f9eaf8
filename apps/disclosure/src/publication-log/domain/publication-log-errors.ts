/** Stable codes for publication log errors; mapped once per transport (gRPC status, problem+json). */
export const PublicationLogErrorCode = {
  InvalidPublicationId: 'PUBLIC.INVALID_PUBLICATION_ID',
  PublicationNotFound: 'PUBLIC.PUBLICATION_NOT_FOUND',
  /** A record-changes read after something that is not a log position (or by a caller without a region). */
  InvalidFeedPosition: 'PUBLIC.INVALID_FEED_POSITION',
} as const;
