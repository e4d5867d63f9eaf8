export const CycleErrorCode = {
  InvalidPeriod: 'CYCLE.INVALID_PERIOD',
  PeriodNotEnded: 'CYCLE.PERIOD_NOT_ENDED',
  NotFound: 'CYCLE.NOT_FOUND',
} as const;
