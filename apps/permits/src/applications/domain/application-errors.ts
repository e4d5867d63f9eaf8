/** Stable codes for permit application errors; mapped once per transport (gRPC status, problem+json). */
export const ApplicationErrorCode = {
  /** 400: one or more fields are missing or invalid, each named in `errors[]` (一次性告知: all at once). */
  Invalid: 'PERMIT_APPLICATION.INVALID',
  /** 404: the carrier's USCC is not in the subject registry. */
  UnknownCarrier: 'PERMIT_APPLICATION.UNKNOWN_CARRIER',
  /** 404: no such application, or not visible to the caller. */
  NotFound: 'PERMIT_APPLICATION.NOT_FOUND',
  /** 409: the Idempotency-Key was used before with a different application. */
  IdempotencyConflict: 'PERMIT_APPLICATION.IDEMPOTENCY_CONFLICT',
  /** 422: the transport is not over the limit: no permit is needed. */
  NotOverLimit: 'PERMIT_APPLICATION.NOT_OVER_LIMIT',
} as const;

export type ApplicationErrorCode = (typeof ApplicationErrorCode)[keyof typeof ApplicationErrorCode];

/** One missing or invalid item of a deficiency notice. */
export interface Deficiency {
  field: string;
  reason: string;
}

export class ApplicationError extends Error {
  constructor(
    readonly code: ApplicationErrorCode,
    message: string,
    readonly errors: readonly Deficiency[] = [],
  ) {
    super(message);
    this.name = 'ApplicationError';
  }
}
