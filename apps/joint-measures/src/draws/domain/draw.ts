import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { DrawPlan } from './draw-plan';

/** Published with every result so anyone can re-run the draw from the seed and the pool. */
export const DRAW_ALGORITHM =
  'pure-rand@8.4.2 xoroshiro128plus seeded with the 32-bit seed; per grade in ladder order, subjects sorted by id, ' +
  'count = ceil(n × ratio / 100), chosen by a partial Fisher–Yates shuffle with uniformInt; then the second draw (same generator, ' +
  "same order, over the grade's subjects not yet drawn); then the minimum share, topped up from the undrawn subjects at or below " +
  'the grade, sorted by id, with the same generator';

export interface PoolMember {
  subjectId: string;
  grade: string;
}

export interface DrawnSubject extends PoolMember {
  /** first | second | minimum-share */
  round: 'first' | 'second' | 'minimum-share';
}

export interface DrawResult {
  seed: number;
  algorithm: string;
  drawn: DrawnSubject[];
  /** Per grade: pool size and how many were drawn. */
  byGrade: { grade: string; pool: number; drawn: number }[];
}

/** Picks `count` of `items` (already in canonical order) by a partial Fisher–Yates shuffle. */
function pick<T>(items: readonly T[], count: number, next: (from: number, to: number) => number): T[] {
  const copy = [...items];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i += 1) {
    const j = next(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

/**
 * Draws subjects from a pool by grade ratio. Deterministic in (plan, pool, seed): the pool is put
 * in canonical order (by id) first, so the order the database returns it in does not matter.
 */
export function drawInspections(plan: DrawPlan, pool: readonly PoolMember[], seed: number): DrawResult {
  const rng = xoroshiro128plus(seed | 0);
  const next = (from: number, to: number) => uniformInt(rng, from, to);
  const ofGrade = (grade: string) => pool.filter((m) => m.grade === grade).sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
  const drawn: DrawnSubject[] = [];
  const taken = new Set<string>();
  const take = (members: PoolMember[], round: DrawnSubject['round']) => {
    for (const m of members) {
      taken.add(m.subjectId);
      drawn.push({ ...m, round });
    }
  };

  for (const grade of plan.ladder) {
    const ratio = plan.ratios[grade] ?? 0;
    const members = ofGrade(grade);
    take(pick(members, Math.ceil((members.length * ratio) / 100), next), 'first');
  }
  for (const grade of plan.ladder) {
    const ratio = plan.secondDraw?.[grade];
    if (ratio === undefined) continue;
    const rest = ofGrade(grade).filter((m) => !taken.has(m.subjectId));
    take(pick(rest, Math.ceil((rest.length * ratio) / 100), next), 'second');
  }
  if (plan.minimumShare) {
    const { grade, share } = plan.minimumShare;
    const low = new Set(plan.ladder.slice(plan.ladder.indexOf(grade)));
    const lowCount = () => drawn.filter((d) => low.has(d.grade)).length;
    // Smallest number of extra low subjects x with (low + x) / (total + x) >= share.
    const missing = Math.max(0, Math.ceil((share * drawn.length - 100 * lowCount()) / (100 - share)));
    const rest = pool.filter((m) => low.has(m.grade) && !taken.has(m.subjectId)).sort((a, b) => (a.subjectId < b.subjectId ? -1 : 1));
    take(pick(rest, missing, next), 'minimum-share');
  }
  const byGrade = plan.ladder.map((grade) => ({
    grade,
    pool: pool.filter((m) => m.grade === grade).length,
    drawn: drawn.filter((d) => d.grade === grade).length,
  }));
  return { seed: seed | 0, algorithm: DRAW_ALGORITHM, drawn, byGrade };
}
