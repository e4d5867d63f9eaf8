import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Events } from '@contracts';
import type { SubjectKind } from '@domain/credit';
import { runUpdate } from '@platform/database';
import { OutboxPublisher, PeriodicWork, SERVICE_CONFIG } from '@platform/service';
import type { CycleWindow } from '../../engine/domain/cycle';
import type { EvaluationResult, ListMembership } from '../../engine/domain/evaluate';
import { applicableRegion, countedFromDecision, previousCycleOf, standingAt, subjectScope } from '../../engine/domain/standing';
import { AppealFacts, gradeWithoutDisregarded } from '../../appeals/application/appeal-facts';
import { LoadedScheme, SchemeRegistry } from '../../schemes/application/scheme-registry';
import type { EvaluationConfig } from '../../evaluation.definition';
import { ClosedCycleGrades, closedPreviousOf, SubjectFactsReader, SubjectHistory } from '../../standing/application/subject-facts.reader';
import { cycleGradeRecorded } from './closed-cycle-results';

/** `close`: a scheme's own cycle, graded as a whole; `ranking`: standings as they stood at the end of a period (ADR 0020). */
export type CyclePurpose = 'close' | 'ranking';

interface ClaimedCycle {
  id: string;
  purpose: CyclePurpose;
  scheme: LoadedScheme;
  window: CycleWindow;
  cutoff: Date;
}

/** What one chunk is graded from: the next subjects after `cursor`, as they stood at the cutoff. */
interface ChunkInput {
  cursor: string;
  subjects: string[];
  histories: Map<string, SubjectHistory>;
  lists: Map<string, ListMembership[]>;
  /** Records upheld grade appeals disregard (ADR 0054): subject → scheme → record ids. */
  disregarded: Map<string, Map<string, Set<string>>>;
  /** A close: the grades the previous cycle's close gave, when it was closed by the cutoff (carry-over). */
  closed: ClosedCycleGrades;
}

interface GradedSubject {
  subjectId: string;
  kind: SubjectKind;
  region: string;
  result: EvaluationResult;
}

/**
 * Works through running cycle closes in chunks of subjects (in subject id order). Each chunk's
 * results and the cycle's cursor commit in one transaction, so a crash loses nothing and
 * repeats nothing: the next claim resumes after the cursor. Closes are claimed with a lease
 * (FOR UPDATE SKIP LOCKED), so replicas share them and a dead replica's close is resumed.
 *
 * A close grades the scheme's cycle as it stood at the cutoff and announces each subject's
 * result as `evaluation.cycle-grades.recorded` through the outbox, in the chunk's transaction
 * (a resumed close never announces a subject twice). A close of the cycle before the current one
 * also requests, in its last chunk's transaction, a standing refresh of the subjects it graded
 * (RefreshStandingsJob): their live standings read the carry-over at once, not at their next event.
 * A period ranking grades each subject as it
 * stood at the end of the period, in the scheme's cycle containing that day, counting every record
 * in the period of its decision date whenever it arrived (issue 16), and announces nothing.
 *
 * While a chunk is graded and stored, the next chunk's subjects, records and lists are read on
 * another connection: they are fixed by the cutoff (records received and lists known by then; for
 * a ranking, records decided by the period end — one arriving meanwhile marks the ranking stale),
 * so reading them early gives what the chunk's own transaction would read, and PostgreSQL reads
 * while Node grades (docs/perf.md). A prefetch for another cursor, or one that failed, is ignored.
 */
@Injectable()
export class ProcessCyclesJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Cycles');
  private readonly loop = new PeriodicWork(() => this.work(), this.logger, { failure: 'cycle close failed' });

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SchemeRegistry,
    private readonly outbox: OutboxPublisher,
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
      let prefetched: Promise<ChunkInput | undefined> | undefined;
      while (!this.loop.stopping && chunks < maxChunks) {
        chunks += 1;
        const outcome = await this.processChunk(cycle, prefetched);
        if (outcome.done) break;
        prefetched = outcome.next;
      }
      if (chunks >= maxChunks) return;
    }
  }

  /**
   * The chunk after `cursor`. A close reads records as they stood at its cutoff; a ranking reads
   * every record decided by the end of its period, whenever received (issue 16: a record counts in
   * the period of its decision date; one arriving later marks the ranking stale, ADR 0045). Both
   * read list memberships as known at the cutoff.
   */
  private async readChunk(manager: EntityManager, cycle: ClaimedCycle, cursor: string): Promise<ChunkInput> {
    const document = cycle.scheme.compiled.document;
    const ranking = cycle.purpose === 'ranking';
    const receivedBy = ranking ? undefined : cycle.cutoff;
    const decidedBy = ranking ? cycle.window.end : undefined;
    const subjects = await SubjectFactsReader.subjectsInScope(manager, subjectScope(document), cursor, this.config.CYCLE_CHUNK_SIZE, receivedBy, decidedBy);
    const histories = await SubjectFactsReader.histories(manager, subjects, receivedBy, decidedBy);
    const lists = await SubjectFactsReader.membershipsAt(manager, subjects, cycle.cutoff);
    const disregarded = await AppealFacts.disregardedRecords(manager, subjects, cycle.cutoff);
    // A ranking keeps grading the previous cycle from the records counted by decision date (ADR 0045).
    const previous = ranking ? [] : [{ schemeId: cycle.scheme.schemeId, period: previousCycleOf(cycle.scheme.compiled, cycle.cutoff, cycle.window).label }];
    const closed = await SubjectFactsReader.closedCycleGrades(manager, previous, subjects, cycle.cutoff);
    return { cursor, subjects, histories, lists, disregarded, closed };
  }

  private async claim(): Promise<ClaimedCycle | undefined> {
    const {
      rows: [row],
    } = await runUpdate<{
      id: string;
      purpose: CyclePurpose;
      scheme_id: string;
      scheme_version: number;
      period: string;
      start_date: string;
      end_date: string;
      cutoff: Date;
    }>(
      this.dataSource,
      `UPDATE evaluation_cycles SET lease_until = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM evaluation_cycles WHERE status = 'running' AND (lease_until IS NULL OR lease_until < now())
                     ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, purpose, scheme_id, scheme_version, period, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, cutoff`,
      [this.config.CYCLE_LEASE_SECONDS],
    );
    if (!row) return undefined;
    const compiled = await this.registry.load(this.dataSource.manager, row.scheme_id, row.scheme_version);
    return {
      id: row.id,
      purpose: row.purpose,
      scheme: { schemeId: row.scheme_id, version: row.scheme_version, compiled },
      window: { label: row.period, start: row.start_date, end: row.end_date },
      cutoff: row.cutoff,
    };
  }

  /**
   * Grades the next chunk of subjects. Returns whether the close is complete and, if not, the
   * read of the chunk after this one, started on another connection before this one commits.
   */
  private processChunk(cycle: ClaimedCycle, prefetched?: Promise<ChunkInput | undefined>): Promise<{ done: boolean; next?: Promise<ChunkInput | undefined> }> {
    return this.dataSource.transaction(async (manager) => {
      const [{ cursor_subject: cursor }]: { cursor_subject: string }[] = await manager.query(
        `SELECT cursor_subject FROM evaluation_cycles WHERE id = $1 FOR UPDATE`,
        [cycle.id],
      );
      const early = await prefetched;
      const input = early?.cursor === cursor ? early : await this.readChunk(manager, cycle, cursor);
      const done = input.subjects.length < this.config.CYCLE_CHUNK_SIZE;
      const next = done ? undefined : this.readChunk(this.dataSource.manager, cycle, input.subjects.at(-1) ?? cursor).catch(() => undefined);
      const results = this.grade(cycle, input);
      const stored = await this.storeResults(manager, cycle.id, results);
      if (cycle.purpose === 'close') await this.announce(manager, cycle, stored);
      await manager.query(
        `UPDATE evaluation_cycles SET processed = processed + $2, cursor_subject = $3, lease_until = now() + make_interval(secs => $4),
                status = $5, completed_at = CASE WHEN $5 = 'completed' THEN now() END
          WHERE id = $1`,
        [cycle.id, input.subjects.length, input.subjects.at(-1) ?? cursor, this.config.CYCLE_LEASE_SECONDS, done ? 'completed' : 'running'],
      );
      if (done && cycle.purpose === 'close') await this.requestCarryOverRefresh(manager, cycle);
      if (done) this.logger.log({ cycleId: cycle.id, purpose: cycle.purpose, scheme: cycle.scheme.schemeId, period: cycle.window.label }, 'cycle closed');
      return { done, next };
    });
  }

  /**
   * A completed close of the cycle before the one now running is what the live standings read as
   * `previous` (carry-over, consecutive-cycle rules): the subjects it graded are regraded by a
   * standing refresh caused by this close (one per close). A close of an older cycle changes no
   * live standing and requests none.
   */
  private async requestCarryOverRefresh(manager: EntityManager, cycle: ClaimedCycle): Promise<void> {
    if (previousCycleOf(cycle.scheme.compiled, new Date()).label !== cycle.window.label) return;
    await manager.query(
      `INSERT INTO standing_refreshes (id, scheme_id, scheme_version, cycle_id, status) VALUES ($1, $2, $3, $4, 'running') ON CONFLICT (cycle_id) DO NOTHING`,
      [uuidv7(), cycle.scheme.schemeId, cycle.scheme.version, cycle.id],
    );
  }

  /** Every subject's result from its records and lists as they stood at the cutoff. */
  private grade(cycle: ClaimedCycle, { histories, lists, disregarded, closed }: ChunkInput): GradedSubject[] {
    const document = cycle.scheme.compiled.document;
    // A ranking reads the standing at the period's end: the scheme's cycle containing that day.
    const window = cycle.purpose === 'close' ? cycle.window : undefined;
    return [...histories.values()].flatMap(({ subjectId, kind, records: stored, registration }) => {
      const records = cycle.purpose === 'ranking' ? countedFromDecision(stored) : stored;
      const region = applicableRegion(document, kind, records, registration);
      if (!region) return [];
      // An upheld grade appeal's records do not count under its scheme (ADR 0054).
      const facts = { id: subjectId, kind, region, lists: [], listEntries: lists.get(subjectId) ?? [], registration };
      const result = gradeWithoutDisregarded(records, disregarded.get(subjectId)?.get(cycle.scheme.schemeId), (counted) =>
        standingAt(cycle.scheme.compiled, facts, counted, cycle.cutoff, window, closedPreviousOf(closed, cycle.scheme.schemeId, subjectId)),
      );
      return [{ subjectId, kind, region, result }];
    });
  }

  /** `evaluation.cycle-grades.recorded` for each result stored by this chunk, in its transaction. */
  private async announce(manager: EntityManager, cycle: ClaimedCycle, results: GradedSubject[]): Promise<void> {
    if (results.length === 0) return;
    const now = new Date();
    await this.outbox.appendMany(
      manager,
      Events.EvaluationCycleGradeRecorded,
      results.map(({ subjectId, kind, region, result }) =>
        cycleGradeRecorded({ cycleId: cycle.id, schemeId: cycle.scheme.schemeId, schemeVersion: cycle.scheme.version, subjectId, kind, region, result }, now),
      ),
    );
  }

  /** Stores the chunk's results; returns those stored now (not already there). */
  private async storeResults(manager: EntityManager, cycleId: string, results: GradedSubject[]): Promise<GradedSubject[]> {
    if (results.length === 0) return [];
    const inserted: { subject_id: string }[] = await manager.query(
      `INSERT INTO cycle_results (cycle_id, subject_id, subject_kind, region, grade, score, result)
         SELECT $1, subject_id, kind, region, grade, score, result
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::jsonb[]) AS t (subject_id, kind, region, grade, score, result)
       ON CONFLICT (cycle_id, subject_id) DO NOTHING RETURNING subject_id`,
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
    const storedNow = new Set(inserted.map((r) => r.subject_id));
    return results.filter((r) => storedNow.has(r.subjectId));
  }
}
