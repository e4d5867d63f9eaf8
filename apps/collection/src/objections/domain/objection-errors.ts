/** Stable codes for objection errors; mapped once per transport (gRPC status, problem+json). */
export const ObjectionErrorCode = {
  Invalid: 'OBJECTION.INVALID',
  NotFound: 'OBJECTION.NOT_FOUND',
  AlreadyOpen: 'OBJECTION.ALREADY_OPEN',
  RecordNotObjectable: 'OBJECTION.RECORD_NOT_OBJECTABLE',
  AlreadyResolved: 'OBJECTION.ALREADY_RESOLVED',
  NotProvider: 'OBJECTION.NOT_PROVIDER',
} as const;
