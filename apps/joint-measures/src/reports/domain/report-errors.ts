/** Error codes of the measures-applied report. */
export const ReportErrorCode = { Invalid: 'REPORT.INVALID' } as const;
