/** Stable codes for licence query errors; mapped once per transport (gRPC status, problem+json). */
export const LicenceErrorCode = {
  Invalid: 'LICENCE.INVALID_QUERY',
  NoWindow: 'LICENCE.NO_WARNING_WINDOW',
} as const;
