export const CycleErrorCode = {
  InvalidPeriod: 'CYCLE.INVALID_PERIOD',
  PeriodNotEnded: 'CYCLE.PERIOD_NOT_ENDED',
  NotFound: 'CYCLE.NOT_FOUND',
  NotCompleted: 'CYCLE.NOT_COMPLETED',
  InvalidRanking: 'CYCLE.INVALID_RANKING',
} as const;
