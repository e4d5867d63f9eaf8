/** Stable codes for publication log errors; mapped once per transport (gRPC status, problem+json). */
export const PublicationLogErrorCode = {
  InvalidPublicationId: 'PUBLIC.INVALID_PUBLICATION_ID',
  PublicationNotFound: 'PUBLIC.PUBLICATION_NOT_FOUND',
} as const;
