/** Stable codes for permit application errors; mapped once per transport (gRPC status, problem+json). */
export const ApplicationErrorCode = {
  /** 400: one or more fields are missing or invalid, each named in `errors[]` (一次性告知: all at once). */
  Invalid: 'PERMIT_APPLICATION.INVALID',
  /** 400 (field carrierUscc): the carrier's USCC is not in the subject registry. */
  UnknownCarrier: 'PERMIT_APPLICATION.UNKNOWN_CARRIER',
  /** 404: no such application, or not visible to the caller. */
  NotFound: 'PERMIT_APPLICATION.NOT_FOUND',
  /** 400 (field route.segments[0].province): the route does not start in the accepting client's province. */
  OriginOutsideRegion: 'PERMIT_APPLICATION.ORIGIN_OUTSIDE_REGION',
  /** 409: only a deficient application is corrected (补正). */
  NotDeficient: 'PERMIT_APPLICATION.NOT_DEFICIENT',
  /** 409: the application was decided already. */
  AlreadyDecided: 'PERMIT_APPLICATION.ALREADY_DECIDED',
  /** 409: only an accepted application is decided (not one deficient, not accepted or refused). */
  NotAccepted: 'PERMIT_APPLICATION.NOT_ACCEPTED',
  /** 409: a cross-province permit is issued when every province on the route has approved. */
  ApprovalsPending: 'PERMIT_APPLICATION.APPROVALS_PENDING',
  /** 409: the accepting region's province has no issuing authority configured (ISSUING_AUTHORITIES). */
  NoIssuingAuthority: 'PERMIT_APPLICATION.NO_ISSUING_AUTHORITY',
  /** 400 (field format): a permit's QR code is drawn as svg or png only. */
  InvalidPermitQuery: 'PERMIT.INVALID_QUERY',
  /** 409: the permit was revoked already. */
  AlreadyRevoked: 'PERMIT.ALREADY_REVOKED',
  /** 400 (field reason): a revocation needs its reason. */
  InvalidRevocation: 'PERMIT.INVALID_REVOCATION',
  /** 400 (field month or region): the statistics need YYYY-MM and a GB/T 2260 code. */
  InvalidReportQuery: 'PERMIT_REPORT.INVALID_QUERY',
  /** 404: no such permit. */
  PermitNotFound: 'PERMIT.NOT_FOUND',
} as const;

export type ApplicationErrorCode = (typeof ApplicationErrorCode)[keyof typeof ApplicationErrorCode];

/** One missing or invalid item of a deficiency notice. */
export interface Deficiency {
  field: string;
  reason: string;
}
