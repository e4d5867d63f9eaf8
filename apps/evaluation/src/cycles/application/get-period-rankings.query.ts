import type { RankingsView } from './get-cycle-rankings.query';

/** The periods a ranking can be asked for (Henan ranks cities and carriers on week, month, quarter and year). */
export const RANKING_PERIOD_KINDS = ['week', 'month', 'quarter', 'half', 'year'] as const;
export type RankingPeriodKind = (typeof RANKING_PERIOD_KINDS)[number];

export interface GetPeriodRankingsQuery {
  schemeId: string;
  periodKind: string;
  period: string;
  by: string;
  limit: number;
}

export interface PeriodRankingsView extends RankingsView {
  schemeId: string;
  schemeVersion: number;
  periodKind: string;
  start: string;
  end: string;
  /** The instant the standings are read at: the end of the period's last day (China time). */
  asOf: string;
  /** `completed` with the rankings, or `running` (ask again) with progress and no rankings yet. */
  status: string;
  total: number;
  processed: number;
}
