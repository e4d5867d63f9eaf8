import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { runUpdate } from '@platform/database';
import { PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { CycleWindow } from '../../engine/domain/cycle';
import type { EvaluationResult } from '../../engine/domain/evaluate';
import { applicableRegion, regionPatterns, standingAt } from '../../engine/domain/standing';
import { LoadedScheme, SchemeRegistry } from '../../schemes/application/scheme-registry';
import type { EvaluationConfig } from '../../evaluation.definition';
import { SubjectRecordsRepository } from '../../standing/infrastructure/subject-records.repository';

interface ClaimedCycle {
  id: string;
  scheme: LoadedScheme;
  window: CycleWindow;
  cutoff: Date;
}


/**
 * Works through running cycle closes in chunks of subjects (in subject id order). Each chunk's
 * results and the cycle's cursor commit in one transaction, so a crash loses nothing and
 * repeats nothing: the next claim resumes after the cursor. Closes are claimed with a lease
 * (FOR UPDATE SKIP LOCKED), so replicas share them and a dead replica's close is resumed.
 */
@Injectable()
export class CycleProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Cycles');
  private readonly loop = new PeriodicWork(() => this.work(), this.logger, { failure: 'cycle close failed' });

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SchemeRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<EvaluationConfig, 'CYCLE_CHUNK_SIZE' | 'CYCLE_LEASE_SECONDS' | 'CYCLE_POLL_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(this.config.CYCLE_POLL_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** A close was requested: start on it now rather than at the next poll. */
  nudge(): void {
    void this.loop.nudge();
  }

  /** Runs every claimable close to completion (or until `maxChunks`, which tests use to simulate a crash). */
  async work(maxChunks = Infinity): Promise<void> {
    let chunks = 0;
    for (let cycle = await this.claim(); cycle && !this.loop.stopping; cycle = await this.claim()) {
      while (!this.loop.stopping && chunks < maxChunks) {
        chunks += 1;
        if (await this.processChunk(cycle)) break;
      }
      if (chunks >= maxChunks) return;
    }
  }

  private async claim(): Promise<ClaimedCycle | undefined> {
    const {
      rows: [row],
    } = await runUpdate<{ id: string; scheme_id: string; scheme_version: number; period: string; start_date: string; end_date: string; cutoff: Date }>(
      this.dataSource,
      `UPDATE evaluation_cycles SET lease_until = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM evaluation_cycles WHERE status = 'running' AND (lease_until IS NULL OR lease_until < now())
                     ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, scheme_id, scheme_version, period, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, cutoff`,
      [this.config.CYCLE_LEASE_SECONDS],
    );
    if (!row) return undefined;
    const compiled = await this.registry.load(this.dataSource.manager, row.scheme_id, row.scheme_version);
    return {
      id: row.id,
      scheme: { schemeId: row.scheme_id, version: row.scheme_version, compiled },
      window: { label: row.period, start: row.start_date, end: row.end_date },
      cutoff: row.cutoff,
    };
  }

  /** Grades the next chunk of subjects; returns true when the close is complete. */
  private processChunk(cycle: ClaimedCycle): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [{ cursor_subject: cursor }]: { cursor_subject: string }[] = await manager.query(`SELECT cursor_subject FROM evaluation_cycles WHERE id = $1 FOR UPDATE`, [cycle.id]);
      const document = cycle.scheme.compiled.document;
      const subjects = await SubjectRecordsRepository.subjectsInScope(
        manager,
        { kinds: document.subjectKinds, regionPatterns: regionPatterns(document) },
        cursor,
        this.config.CYCLE_CHUNK_SIZE,
        cycle.cutoff,
      );
      const results = await this.grade(manager, cycle, subjects);
      await this.storeResults(manager, cycle.id, results);
      const done = subjects.length < this.config.CYCLE_CHUNK_SIZE;
      await manager.query(
        `UPDATE evaluation_cycles SET processed = processed + $2, cursor_subject = $3, lease_until = now() + make_interval(secs => $4),
                status = $5, completed_at = CASE WHEN $5 = 'completed' THEN now() END
          WHERE id = $1`,
        [cycle.id, subjects.length, subjects.at(-1) ?? cursor, this.config.CYCLE_LEASE_SECONDS, done ? 'completed' : 'running'],
      );
      if (done) this.logger.log({ cycleId: cycle.id, scheme: cycle.scheme.schemeId, period: cycle.window.label }, 'cycle closed');
      return done;
    });
  }

  private async grade(manager: EntityManager, cycle: ClaimedCycle, subjectIds: string[]): Promise<{ subjectId: string; kind: string; region: string; result: EvaluationResult }[]> {
    const histories = await SubjectRecordsRepository.histories(manager, subjectIds, cycle.cutoff);
    const document = cycle.scheme.compiled.document;
    return [...histories.values()].flatMap(({ subjectId, kind, records }) => {
      const region = applicableRegion(document, kind, records);
      if (!region) return [];
      const result = standingAt(cycle.scheme.compiled, { id: subjectId, kind, region, lists: [], registeredOn: null }, records, cycle.cutoff, cycle.window);
      return [{ subjectId, kind, region, result }];
    });
  }

  private async storeResults(manager: EntityManager, cycleId: string, results: { subjectId: string; kind: string; region: string; result: EvaluationResult }[]): Promise<void> {
    if (results.length === 0) return;
    await manager.query(
      `INSERT INTO cycle_results (cycle_id, subject_id, subject_kind, region, grade, score, result)
         SELECT $1, subject_id, kind, region, grade, score, result
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::jsonb[]) AS t (subject_id, kind, region, grade, score, result)
       ON CONFLICT (cycle_id, subject_id) DO NOTHING`,
      [
        cycleId,
        results.map((r) => r.subjectId),
        results.map((r) => r.kind),
        results.map((r) => r.region),
        results.map((r) => r.result.grade),
        results.map((r) => r.result.score),
        results.map((r) => JSON.stringify(r.result)),
      ],
    );
  }
}
