import { DataSource } from 'typeorm';
import { parseRegionCode, regionPrefix } from '@domain/identifiers';
import type { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { CycleErrorCode } from '../domain/cycle-errors';
import type { RankingLevel, RankingsView } from './get-cycle-rankings.query';

/**
 * The ranking of a completed close's (or period ranking's) results inside the caller's region:
 * subjects by score, or cities / counties by their subjects' mean score with their grade
 * distribution. Ties share a rank (1, 2, 2, 4).
 */
export async function rankCycleResults(
  dataSource: DataSource,
  cycleId: string,
  principal: Principal,
  level: RankingLevel,
  size: number,
): Promise<Pick<RankingsView, 'subjects' | 'regions'>> {
  const scope = parseRegionCode(principal.region);
  const pattern = scope.ok ? `${regionPrefix(scope.value)}%` : '-';
  if (level === 'subject') {
    const rows: { rank: string; subject_id: string; subject_kind: string; region: string; grade: string; score: number }[] = await dataSource.query(
      `SELECT rank() OVER (ORDER BY score DESC) AS rank, subject_id, subject_kind, region, grade, score
         FROM cycle_results WHERE cycle_id = $1 AND region LIKE $2 ORDER BY score DESC, subject_id LIMIT $3`,
      [cycleId, pattern, size],
    );
    return {
      regions: [],
      subjects: rows.map((r) => ({
        rank: Number(r.rank),
        subjectId: r.subject_id,
        subjectKind: r.subject_kind,
        region: r.region,
        grade: r.grade,
        score: r.score,
      })),
    };
  }
  const unit = level === 'city' ? `left(region, 4) || '00'` : 'region';
  const rows: { rank: string; region: string; subjects: number; mean_score: number; distribution: Record<string, number> }[] = await dataSource.query(
    `WITH per_grade AS (
       SELECT ${unit} AS unit, grade, count(*)::int AS n, sum(score) AS total FROM cycle_results WHERE cycle_id = $1 AND region LIKE $2 GROUP BY 1, 2),
     per_unit AS (
       SELECT unit, sum(n)::int AS subjects, round((sum(total) / sum(n))::numeric, 3)::float8 AS mean_score, jsonb_object_agg(grade, n) AS distribution FROM per_grade GROUP BY unit)
     SELECT rank() OVER (ORDER BY mean_score DESC) AS rank, unit AS region, subjects, mean_score, distribution FROM per_unit ORDER BY mean_score DESC, unit LIMIT $3`,
    [cycleId, pattern, size],
  );
  return {
    subjects: [],
    regions: rows.map((r) => ({ rank: Number(r.rank), region: r.region, subjects: r.subjects, meanScore: r.mean_score, distribution: r.distribution })),
  };
}

/** `by` and `limit` of a rankings request (shared by cycle rankings and period rankings). */
export function parseRankingRequest(by: string, limit: number): { level: RankingLevel; size: number } {
  const level = parseLevel(by);
  const size = limit === 0 ? 50 : limit;
  if (!Number.isInteger(size) || size < 1 || size > 500) {
    throw DomainError.validation(CycleErrorCode.InvalidRanking, [{ field: 'limit', message: 'must be 1 to 500', code: 'OUT_OF_RANGE' }]);
  }
  return { level, size };
}

function parseLevel(by: string): RankingLevel {
  if (by === '' || by === 'subject') return 'subject';
  if (by === 'city' || by === 'county') return by;
  throw DomainError.validation(CycleErrorCode.InvalidRanking, [{ field: 'by', message: 'must be subject, city or county', code: 'INVALID' }]);
}
