/** Stable codes for grade appeal errors (ADR 0054); mapped once per transport (gRPC status, problem+json). */
export const AppealErrorCode = {
  /** 400: a field is missing or malformed (reason, evidence, outcome, record ids), each named in `errors[]`. */
  Invalid: 'APPEAL.INVALID',
  /** 404: no such appeal, or not visible to the caller. */
  NotFound: 'APPEAL.NOT_FOUND',
  /** 404: the subject has no current result under the scheme to appeal against. */
  GradeNotFound: 'APPEAL.GRADE_NOT_FOUND',
  /** 403: the caller's region does not cover the subject's (only its region's clients open appeals). */
  RegionForbidden: 'APPEAL.REGION_FORBIDDEN',
  /** 403: the caller does not own the scheme (an admin whose region covers every region of the scheme decides). */
  NotOwner: 'APPEAL.NOT_OWNER',
  /** 409: an appeal against this subject's result under the scheme in this cycle is already open. */
  AlreadyOpen: 'APPEAL.ALREADY_OPEN',
  /** 409: the appeal was decided already. */
  AlreadyDecided: 'APPEAL.ALREADY_DECIDED',
  /** 422: an upheld decision names a record that is not one of the subject's records in the contested cycle. */
  RecordNotCounted: 'APPEAL.RECORD_NOT_COUNTED',
} as const;
