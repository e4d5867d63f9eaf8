/** Stable codes for published-list errors; mapped once per transport (gRPC status, problem+json). */
export const ListErrorCode = {
  UnknownList: 'PUBLIC.UNKNOWN_LIST',
  InvalidQuery: 'PUBLIC.INVALID_QUERY',
} as const;
