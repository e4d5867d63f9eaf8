/** Stable codes for credit report errors; mapped once per transport (gRPC status, problem+json). */
export const CreditReportErrorCode = { NotFound: 'PUBLIC.REPORT_NOT_FOUND' } as const;
