import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Seed 000 and seed 002 案例7 (新乡: 按照每天的申报数量不低于10%的比例随机进行抽查): commitment applications skip the on-site inspection, and at
 * least 10 % of each day's commitment applications are drawn for a remote inspection (photos and a
 * measured video). The draw is the joint-measures mechanism (apps/joint-measures/src/draws/domain/draw.ts):
 * pure-rand xoroshiro128plus seeded with a published 32-bit seed, the pool in canonical order (by id),
 * a partial Fisher–Yates shuffle with uniformInt. Anyone can re-run it from the seed and the pool.
 */
export const REMOTE_INSPECTION_MIN_PERCENT = 10;

export const REMOTE_DRAW_ALGORITHM =
  "pure-rand@8.4.2 xoroshiro128plus seeded with the 32-bit seed; the day's commitment application ids sorted; " +
  'count = ceil(n × percent / 100); chosen by a partial Fisher–Yates shuffle with uniformInt';

export interface RemoteInspectionDraw {
  seed: number;
  algorithm: string;
  pool: number;
  drawn: string[];
}

/** Draws `percent` (at least 10) of a day's commitment applications; deterministic in (ids, seed, percent). */
export function drawRemoteInspections(applicationIds: readonly string[], seed: number, percent = REMOTE_INSPECTION_MIN_PERCENT): RemoteInspectionDraw {
  if (!(percent >= REMOTE_INSPECTION_MIN_PERCENT && percent <= 100)) {
    throw new RangeError(`remote inspection share must be between ${REMOTE_INSPECTION_MIN_PERCENT} and 100 %, got ${percent}`);
  }
  const pool = [...new Set(applicationIds)].sort();
  const count = Math.ceil((pool.length * percent) / 100);
  const rng = xoroshiro128plus(seed | 0);
  for (let i = 0; i < count; i += 1) {
    const j = uniformInt(rng, i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return { seed: seed | 0, algorithm: REMOTE_DRAW_ALGORITHM, pool: pool.length, drawn: pool.slice(0, count) };
}

/**
 * The seed of a region's draw for a China day: the first 32 bits of SHA-256("remote-inspection:<region>:<day>"),
 * so the draw is reproducible by anyone from the day and the pool, and no one picks the seed.
 */
export function dailyDrawSeed(region: string, day: string): number {
  return createHash('sha256').update(`remote-inspection:${region}:${day}`).digest().readInt32BE(0);
}
