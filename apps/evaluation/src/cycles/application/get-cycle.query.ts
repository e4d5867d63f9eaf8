/** Progress of a close (or period ranking), by its id. */
export interface GetCycleQuery {
  id: string;
}

export interface CycleView {
  id: string;
  schemeId: string;
  schemeVersion: number;
  period: string;
  start: string;
  end: string;
  cutoff: string;
  status: string;
  total: number;
  processed: number;
  distribution: Record<string, number>;
  /** Every grade of the version's ladder, best first, with its tier and count (0 included). */
  ladder: { grade: string; tier: string; count: number }[];
  requestedAt: string;
  completedAt: string;
  purpose: string;
}
