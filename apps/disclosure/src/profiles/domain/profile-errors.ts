/** Stable codes for public profile errors; mapped once per transport (gRPC status, problem+json). */
export const ProfileErrorCode = {
  InvalidUscc: 'PUBLIC.INVALID_USCC',
  SubjectNotFound: 'PUBLIC.SUBJECT_NOT_FOUND',
} as const;
