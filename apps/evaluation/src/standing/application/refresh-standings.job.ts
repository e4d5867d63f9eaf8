import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

  /** Works every claimable refresh to completion. */
  async work(): Promise<void> {
    for (let refresh = await this.claim(); refresh && !this.loop.stopping; refresh = await this.claim()) {
      while (!this.loop.stopping && !(await this.processChunk(refresh)));
    }
  }

  private async claim(): Promise<{ id: string; schemeId: string; version: number } | undefined> {
    const {
      rows: [row],
    } = await runUpdate<{ id: string; scheme_id: string; scheme_version: number }>(
      this.dataSource,
      `UPDATE standing_refreshes SET lease_until = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM standing_refreshes WHERE status = 'running' AND (lease_until IS NULL OR lease_until < now())
                     ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, scheme_id, scheme_version`,
      [this.config.CYCLE_LEASE_SECONDS],
    );
    return row ? { id: row.id, schemeId: row.scheme_id, version: row.scheme_version } : undefined;
  }

  /** Each recompute holds a subject's advisory lock to the end of the chunk: keep chunks within the lock table. */
  private get chunkSize(): number {
    return Math.min(this.config.CYCLE_CHUNK_SIZE, 200);
  }

  private processChunk(refresh: { id: string; schemeId: string; version: number }): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ cursor_subject: cursor }]: { cursor_subject: string }[] = await manager.query(
        `SELECT cursor_subject FROM standing_refreshes WHERE id = $1 FOR UPDATE`,
        [refresh.id],
      );
      const { document } = await this.registry.load(manager, refresh.schemeId, refresh.version);
      const subjects = await SubjectRecordsRepository.subjectsInScope(manager, subjectScope(document), cursor, this.chunkSize);
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
}
