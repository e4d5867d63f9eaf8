/** Stable codes for mutual recognition errors; mapped once per transport (gRPC status, problem+json). */
export const RecognitionErrorCode = {
  TableNotFound: 'RECOGNITION.TABLE_NOT_FOUND',
  UnknownGrade: 'RECOGNITION.UNKNOWN_GRADE',
} as const;
