/** Stable codes for public search errors; mapped once per transport (gRPC status, problem+json). */
export const SearchErrorCode = { Invalid: 'PUBLIC.INVALID_QUERY' } as const;
