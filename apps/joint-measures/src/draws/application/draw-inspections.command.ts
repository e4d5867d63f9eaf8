import type { DrawResult, PoolMember } from '../domain/draw';

/** A random inspection draw over the subjects graded in a place and sector (双随机). */
export interface DrawInspectionsCommand {
  /** GB/T 2260 code of the pool (within the caller's region and a plan's region). */
  region: string;
  sector: string;
  /** A seed to reproduce an earlier draw; absent: a fresh random seed. */
  seed?: number;
}

/** A stored draw: its plan, seed, pool (by subject id) and result. */
export interface InspectionDraw extends DrawResult {
  drawId: string;
  planId: string;
  planSource: string;
  schemeId: string;
  pool: PoolMember[];
  /** ISO instant. */
  drawnAt: string;
}
