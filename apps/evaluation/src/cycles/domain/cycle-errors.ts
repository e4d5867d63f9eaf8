/** Stable codes for cycle close and ranking errors; mapped once per transport (gRPC status, problem+json). */
export const CycleErrorCode = {
  InvalidPeriod: 'CYCLE.INVALID_PERIOD',
  PeriodNotEnded: 'CYCLE.PERIOD_NOT_ENDED',
  NotFound: 'CYCLE.NOT_FOUND',
  NotCompleted: 'CYCLE.NOT_COMPLETED',
  InvalidRanking: 'CYCLE.INVALID_RANKING',
  RankingInvalidPeriodKind: 'RANKING.INVALID_PERIOD_KIND',
  RankingInvalidPeriod: 'RANKING.INVALID_PERIOD',
  RankingPeriodNotEnded: 'RANKING.PERIOD_NOT_ENDED',
} as const;
