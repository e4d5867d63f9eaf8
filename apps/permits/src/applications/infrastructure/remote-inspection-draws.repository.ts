import { EntityManager } from 'typeorm';
import type { RemoteInspectionDraw } from '../domain/remote-inspection-draw';

/** Finished days (before `today`) of a region with commitment applications not drawn yet, oldest first. */
export async function undrawnDays(manager: EntityManager, today: string, limit: number): Promise<{ region: string; day: string }[]> {
  return manager.query(
    `SELECT DISTINCT region, received_on::text AS day FROM permit_applications
      WHERE path = 'commitment' AND remote_inspection_drawn IS NULL AND received_on < $1
      ORDER BY day, region LIMIT $2`,
    [today, limit],
  );
}

/** Locks the region's day (one replica draws it) and answers its commitment application ids; none when drawn already. */
export async function lockDayPool(manager: EntityManager, region: string, day: string): Promise<string[] | undefined> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('remote-inspection:' || $1::text || ':' || $2::text))`, [region, day]);
  const [done]: unknown[] = await manager.query(`SELECT 1 FROM remote_inspection_draws WHERE region = $1 AND day = $2`, [region, day]);
  if (done) return undefined;
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM permit_applications WHERE region = $1 AND received_on = $2 AND path = 'commitment' ORDER BY id`,
    [region, day],
  );
  return rows.map((r) => r.id);
}

/** Keeps the draw (seed, algorithm, pool, drawn) and marks every application of the pool drawn or not. */
export async function recordDraw(
  manager: EntityManager,
  region: string,
  day: string,
  percent: number,
  draw: RemoteInspectionDraw,
  pool: string[],
  at: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO remote_inspection_draws (region, day, seed, algorithm, percent, pool, drawn, drawn_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [region, day, draw.seed, draw.algorithm, percent, draw.pool, JSON.stringify(draw.drawn), at],
  );
  await manager.query(`UPDATE permit_applications SET remote_inspection_drawn = (id = ANY($2::uuid[])) WHERE id = ANY($1::uuid[])`, [pool, draw.drawn]);
}
