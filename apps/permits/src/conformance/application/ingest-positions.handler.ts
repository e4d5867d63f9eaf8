import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { OutboxPublisher, SERVICE_CONFIG } from '@platform/service';
import { conformBatch, type BatchOutcome } from '../domain/batch';
import { plateKey, type CorridorIndex } from '../domain/corridor-index';
import type { Episode } from '../domain/episodes';
import type { PositionBatch } from '../domain/position-batch';
import type { PositionReport } from '../domain/position';
import { violationOf } from '../domain/violation';
import type { PermitsConfig } from '../../permits.definition';
import { ActivePermits } from './active-permits';

export interface IngestResult {
  accepted: number;
  flagged: BatchOutcome['flagged'];
  /** Episode ids reported by this batch (a re-detected one is not reported twice). */
  reported: string[];
}

/**
 * One batch of positions, set-based, inside the caller's transaction: the vehicles concerned are
 * locked (advisory, per vehicle) and their open episodes read in one statement each, the batch is judged in memory, the new
 * state written in two, and the episodes opened are inserted and announced (outbox) in two more.
 * Only vehicles a permit names, or passages a gantry found oversize, concern route conformance.
 */
@Injectable()
export class IngestPositionsHandler {
  constructor(
    private readonly permits: ActivePermits,
    private readonly outbox: OutboxPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: PermitsConfig,
  ) {}

  async execute(manager: EntityManager, batch: PositionBatch, region: string, now = Date.now()): Promise<IngestResult> {
    const index = await this.permits.current();
    const concerned = concernedVehicles(index, batch.reports);
    await lockVehicles(manager, concerned);
    const open = await this.openEpisodes(manager, concerned);
    const outcome = conformBatch(index, batch.reports, open, now, {
      limits: { maxSpeedKmh: this.config.POSITION_MAX_SPEED_KMH, maxFutureSkewMs: this.config.POSITION_MAX_FUTURE_SKEW_MS },
      rules: { closeAfterMs: this.config.EPISODE_CLOSE_AFTER_MS, gapMs: this.config.EPISODE_GAP_MS },
    });
    await this.saveState(manager, open, outcome.state, concerned);
    const reported = await this.report(manager, outcome.opened, batch, region);
    return { accepted: outcome.accepted, flagged: outcome.flagged, reported };
  }

  private async openEpisodes(manager: EntityManager, vehicles: string[]): Promise<Map<string, Episode>> {
    if (vehicles.length === 0) return new Map();
    const rows: { vehicle_key: string; episode: Episode }[] = await manager.query(
      `SELECT vehicle_key, episode FROM conformance_vehicle_episodes WHERE vehicle_key = ANY($1) ORDER BY vehicle_key FOR UPDATE`,
      [vehicles],
    );
    return new Map(rows.map((row) => [row.vehicle_key, row.episode]));
  }

  /** Writes only what changed: most points of a permit holder leave it with no episode, as before. */
  private async saveState(manager: EntityManager, before: Map<string, Episode>, after: Map<string, Episode | null>, concerned: string[]): Promise<void> {
    const keep = new Set(concerned);
    const open: [string, string][] = [];
    const ended: string[] = [];
    for (const [key, episode] of after) {
      if (!keep.has(key)) continue;
      const previous = before.get(key);
      if (episode === null) {
        if (previous) ended.push(key);
        continue;
      }
      const json = JSON.stringify(episode);
      if (!previous || JSON.stringify(previous) !== json) open.push([key, json]);
    }
    if (open.length > 0) {
      await manager.query(
        `INSERT INTO conformance_vehicle_episodes (vehicle_key, episode)
         SELECT * FROM unnest($1::text[], $2::jsonb[])
         ON CONFLICT (vehicle_key) DO UPDATE SET episode = EXCLUDED.episode, updated_at = now()`,
        [open.map(([key]) => key), open.map(([, json]) => json)],
      );
    }
    if (ended.length > 0) await manager.query(`DELETE FROM conformance_vehicle_episodes WHERE vehicle_key = ANY($1)`, [ended]);
  }

  private async report(manager: EntityManager, opened: Episode[], batch: PositionBatch, region: string): Promise<string[]> {
    if (opened.length === 0) return [];
    const inserted: { episode_id: string }[] = await manager.query(
      `INSERT INTO conformance_episodes (episode_id, kind, plate, plate_colour, permit_no, started_at, region)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
       ON CONFLICT (episode_id) DO NOTHING RETURNING episode_id`,
      [
        opened.map((e) => e.episodeId),
        opened.map((e) => e.kind),
        opened.map((e) => e.plate),
        opened.map((e) => e.plateColour),
        opened.map((e) => e.permitNo ?? null),
        opened.map((e) => new Date(e.startedAt).toISOString()),
        opened.map(() => region),
      ],
    );
    const fresh = new Set(inserted.map((row) => row.episode_id));
    const events = opened
      .filter((episode) => fresh.has(episode.episodeId))
      .map((episode) => violationOf(episode, { region, foundBy: batch.foundBy }))
      .map((data) => ({ subjectId: data.subject.id, region: data.region, data, occurredAt: new Date(data.detectedAt) }));
    await this.outbox.appendMany(manager, Events.PermitViolationDetected, events);
    return events.map((event) => event.data.episodeId);
  }
}

/**
 * Serialises batches of the same vehicles across instances until the transaction ends: a vehicle
 * with no episode row has nothing for FOR UPDATE to lock, so two instances judging its first
 * violating points at once would each open an episode (ADR 0059's accepted gap, closed by ADR 0076).
 * Locks are taken in key order (the keys come sorted), so two batches never wait on each other in a cycle.
 */
async function lockVehicles(manager: EntityManager, vehicles: string[]): Promise<void> {
  if (vehicles.length === 0) return;
  await manager.query(
    `SELECT count(pg_advisory_xact_lock(hashtextextended('conformance-vehicle:' || key, 0)))
       FROM (SELECT key FROM unnest($1::text[]) AS key ORDER BY key) AS ordered`,
    [vehicles],
  );
}

/** Vehicles whose points can open or continue an episode: a permit names them, or a gantry found them oversize. */
function concernedVehicles(index: CorridorIndex, reports: readonly PositionReport[]): string[] {
  const keys = new Set<string>();
  for (const report of reports) {
    if (report.oversize === true || index.permitsOf(report.plate, report.plateColour).length > 0) keys.add(plateKey(report.plate, report.plateColour));
  }
  return [...keys].sort();
}
