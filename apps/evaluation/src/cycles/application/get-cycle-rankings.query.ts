/** Rankings from a closed cycle's results: `by` subject (default), city or county; `limit` 1 to 500 (0 = 50). */
export interface GetCycleRankingsQuery {
  id: string;
  by: string;
  limit: number;
}

export type RankingLevel = 'subject' | 'city' | 'county';

export interface RankingsView {
  id: string;
  period: string;
  by: RankingLevel;
  subjects: { rank: number; subjectId: string; subjectKind: string; region: string; grade: string; score: number }[];
  regions: { rank: number; region: string; subjects: number; meanScore: number; distribution: Record<string, number> }[];
}
