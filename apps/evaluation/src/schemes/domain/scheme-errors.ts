/** Stable codes for scheme errors; mapped once per transport (gRPC status, problem+json). */
export const SchemeErrorCode = {
  Invalid: 'SCHEME.INVALID',
  IdMismatch: 'SCHEME.ID_MISMATCH',
  NotFound: 'SCHEME.NOT_FOUND',
  VersionConflict: 'SCHEME.VERSION_CONFLICT',
  RegionForbidden: 'SCHEME.REGION_FORBIDDEN',
} as const;
