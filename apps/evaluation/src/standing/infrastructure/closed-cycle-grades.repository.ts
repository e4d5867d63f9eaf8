import { EntityManager } from 'typeorm';
import type { ClosedPrevious } from '../../engine/domain/standing';

/**
 * The grades closed cycles gave, per scheme id and then subject id. A scheme is present only when
 * the cycle asked about was closed; a subject absent under a present scheme was not graded by it.
 */
export type ClosedCycleGrades = ReadonlyMap<string, ReadonlyMap<string, { grade: string; score: number }>>;

/** What `standingAt` takes as the previous cycle: the close's grade, null (closed, subject not graded), or undefined (not closed). */
export function closedPreviousOf(closed: ClosedCycleGrades, schemeId: string, subjectId: string): ClosedPrevious | undefined {
  const results = closed.get(schemeId);
  if (!results) return undefined;
  return results.get(subjectId) ?? null;
}

/**
 * Reads the results of closed cycles (`evaluation_cycles` of purpose `close`, completed), for
 * carry-over and consecutive-cycle rules: the previous cycle's grade is the one its close awarded.
 */
export const ClosedCycleGradesRepository = {
  /**
   * For each (scheme, period) asked, the latest close of that period completed by `closedBy`
   * (any scheme version: a period closed again under a new version counts as re-graded), and the
   * results it gave these subjects.
   */
  async of(
    manager: EntityManager,
    periods: readonly { schemeId: string; period: string }[],
    subjectIds: readonly string[],
    closedBy: Date,
  ): Promise<ClosedCycleGrades> {
    if (periods.length === 0 || subjectIds.length === 0) return new Map();
    const rows: { scheme_id: string; subject_id: string | null; grade: string | null; score: number | null }[] = await manager.query(
      `WITH closes AS (
         SELECT DISTINCT ON (c.scheme_id) c.id, c.scheme_id
           FROM evaluation_cycles c
           JOIN unnest($1::text[], $2::text[]) AS p (scheme_id, period) ON p.scheme_id = c.scheme_id AND p.period = c.period
          WHERE c.purpose = 'close' AND c.status = 'completed' AND c.completed_at <= $4
          ORDER BY c.scheme_id, c.completed_at DESC)
       SELECT closes.scheme_id, r.subject_id, r.grade, r.score
         FROM closes LEFT JOIN cycle_results r ON r.cycle_id = closes.id AND r.subject_id = ANY($3::text[])`,
      [periods.map((p) => p.schemeId), periods.map((p) => p.period), subjectIds, closedBy],
    );
    const closed = new Map<string, Map<string, { grade: string; score: number }>>();
    for (const row of rows) {
      const results = closed.get(row.scheme_id) ?? new Map<string, { grade: string; score: number }>();
      closed.set(row.scheme_id, results);
      if (row.subject_id !== null && row.grade !== null && row.score !== null) results.set(row.subject_id, { grade: row.grade, score: row.score });
    }
    return closed;
  },
};
