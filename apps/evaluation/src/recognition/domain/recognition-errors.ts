/** Stable codes for mutual recognition errors; mapped once per transport (gRPC status, problem+json). */
export const RecognitionErrorCode = {
  TableNotFound: 'RECOGNITION.TABLE_NOT_FOUND',
  UnknownGrade: 'RECOGNITION.UNKNOWN_GRADE',
  /** 400: not JSON, not the shape of a table, or a partner grade unmapped / mapped twice. */
  Invalid: 'RECOGNITION.INVALID',
  /** 400: the document's id is not the table in the path. */
  IdMismatch: 'RECOGNITION.ID_MISMATCH',
  /** 404: no such version of the table. */
  VersionNotFound: 'RECOGNITION.VERSION_NOT_FOUND',
  /** 409: the latest version is not the one the upload was based on. */
  VersionConflict: 'RECOGNITION.VERSION_CONFLICT',
  /** 403: the table's scheme (`ours.schemeId`) grades a region outside the caller's. */
  RegionForbidden: 'RECOGNITION.REGION_FORBIDDEN',
  /**
   * 422: a reference points at nothing (a scheme, a ladder, a grade, a region), each named in
   * `errors[]`. The same code as joint measures' configuration, so integrators handle one.
   */
  DanglingReference: 'CONFIG.DANGLING_REFERENCE',
  /** 400: a partner's grade lacks what storing it needs, or its recognition table cannot read it (ADR 0085). */
  InvalidPartnerGrade: 'RECOGNITION.INVALID_PARTNER_GRADE',
} as const;
