import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { runUpdate } from '@platform/database';
import { PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import { subjectScope } from '../../engine/domain/standing';
import type { EvaluationConfig } from '../../evaluation.definition';
import { SchemeRegistry } from '../../schemes/application/scheme-registry';
import { SubjectRecordsRepository } from '../infrastructure/subject-records.repository';
import { StandingCalculator } from './standing-calculator';

/**
 * When a scheme version is published, every subject in its scope is regraded, so standings and
 * `evaluation.grade.changed` follow the new rules without waiting for each subject's next record.
 * Chunks of subjects commit with the cursor (crash-safe, resumable); refreshes are leased
 * (FOR UPDATE SKIP LOCKED) so replicas share them. The refresh id is the cause of each change.
 *
 * A refresh caused by a close (`cycleId`, requested by ProcessCyclesJob when the cycle before the
 * current one is closed) regrades only the subjects that close graded, in its results' subject id
 * order: their live standings pick up the carry-over the close gives. As with any recompute, only a
 * net change of a standing is recorded and announced as `evaluation.grade.changed`.
 */
@Injectable()
export class RefreshStandingsJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('StandingRefresher');
  private readonly loop = new PeriodicWork(() => this.work(), this.logger, { whileBusy: 'skip', failure: 'standing refresh failed' });

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SchemeRegistry,
    private readonly standings: StandingCalculator,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<EvaluationConfig, 'CYCLE_CHUNK_SIZE' | 'CYCLE_LEASE_SECONDS' | 'CYCLE_POLL_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.CYCLE_POLL_MS, { immediately: false });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Works every claimable refresh to completion (or until `maxChunks`, which tests use to simulate a crash). */
  async work(maxChunks = Infinity): Promise<void> {
    let chunks = 0;
    for (let refresh = await this.claim(); refresh && !this.loop.stopping; refresh = await this.claim()) {
      let done = false;
      while (!done && !this.loop.stopping && chunks < maxChunks) {
        chunks += 1;
        done = await this.processChunk(refresh);
      }
      if (!done) return;
    }
  }

  private async claim(): Promise<Refresh | undefined> {
    const {
      rows: [row],
    } = await runUpdate<{ id: string; scheme_id: string; scheme_version: number; cycle_id: string | null }>(
      this.dataSource,
      `UPDATE standing_refreshes SET lease_until = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM standing_refreshes WHERE status = 'running' AND (lease_until IS NULL OR lease_until < now())
                     ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, scheme_id, scheme_version, cycle_id`,
      [this.config.CYCLE_LEASE_SECONDS],
    );
    return row ? { id: row.id, schemeId: row.scheme_id, version: row.scheme_version, cycleId: row.cycle_id } : undefined;
  }

  /** Each recompute holds a subject's advisory lock to the end of the chunk: keep chunks within the lock table. */
  private get chunkSize(): number {
    return Math.min(this.config.CYCLE_CHUNK_SIZE, 200);
  }

  private processChunk(refresh: Refresh): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ cursor_subject: cursor }]: { cursor_subject: string }[] = await manager.query(
        `SELECT cursor_subject FROM standing_refreshes WHERE id = $1 FOR UPDATE`,
        [refresh.id],
      );
      const subjects = await this.subjectsAfter(manager, refresh, cursor);
      await this.standings.recomputeMany(manager, new Map(subjects.map((subjectId) => [subjectId, refresh.id])));
      const done = subjects.length < this.chunkSize;
      await manager.query(
        `UPDATE standing_refreshes SET processed = processed + $2, cursor_subject = $3, lease_until = now() + make_interval(secs => $4),
                status = $5, completed_at = CASE WHEN $5 = 'completed' THEN now() END WHERE id = $1`,
        [refresh.id, subjects.length, subjects.at(-1) ?? cursor, this.config.CYCLE_LEASE_SECONDS, done ? 'completed' : 'running'],
      );
      return done;
    });
  }

  /** The refresh's next subjects after `cursor`: those its close graded, or every subject in the scheme's scope. */
  private async subjectsAfter(manager: EntityManager, refresh: Refresh, cursor: string): Promise<string[]> {
    if (refresh.cycleId !== null) {
      const rows: { subject_id: string }[] = await manager.query(
        `SELECT subject_id FROM cycle_results WHERE cycle_id = $1 AND subject_id > $2 ORDER BY subject_id LIMIT $3`,
        [refresh.cycleId, cursor, this.chunkSize],
      );
      return rows.map((r) => r.subject_id);
    }
    const { document } = await this.registry.load(manager, refresh.schemeId, refresh.version);
    return SubjectRecordsRepository.subjectsInScope(manager, subjectScope(document), cursor, this.chunkSize);
  }
}

/** A claimed refresh: of a published scheme version, or (`cycleId`) of the subjects a close graded. */
interface Refresh {
  id: string;
  schemeId: string;
  version: number;
  cycleId: string | null;
}
