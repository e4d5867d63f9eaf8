import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { runUpdate } from '@platform/database';
import { DomainError } from '@platform/errors';
import { SERVICE_CONFIG } from '@platform/service';
import { chinaDateOf } from '@domain/calendar';
import { cycleOfPeriod, CycleWindow, endOfChinaDay } from '../../engine/domain/cycle';
import { SubjectScope, subjectScope } from '../../engine/domain/standing';
import type { EvaluationConfig } from '../../evaluation.definition';
import { SchemeRegistry } from '../../schemes/application/scheme-registry';
import { SchemeErrorCode } from '../../schemes/domain/scheme-errors';
import { SubjectFactsReader } from '../../standing/application/subject-facts.reader';
import { CycleErrorCode } from '../domain/cycle-errors';
import { GetPeriodRankingsQuery, PeriodRankingsView, RANKING_PERIOD_KINDS, RankingPeriodKind } from './get-period-rankings.query';
import { ProcessCyclesJob } from './process-cycles.job';
import { parseRankingRequest, rankCycleResults } from './rank-cycle-results';

const EXAMPLES: Record<RankingPeriodKind, string> = { week: '2026-W46', month: '2026-11', quarter: '2026-Q4', half: '2026-H2', year: '2026' };

/**
 * Rankings of a scheme's subjects, and of cities or counties by their subjects' mean score and
 * grade distribution, for a week, month, quarter, half-year or year whatever the scheme's own
 * cycle (issue 4 item 10; ADR 0020). Each subject is graded at the end of the period — every
 * record decided by then (in the period of its decision date, whenever received: issue 16, ADR
 * 0045) and not withdrawn by then, lists as known then, in the scheme's cycle containing that
 * day, under the version in force then. The grading runs once per (scheme version, period) on the
 * cycle-close machinery (chunked, leased, resumable) and is kept until a record decided within the
 * period arrives or is corrected, which makes it stale: the next request grades it again. The
 * first request waits for a grading up to RANKING_WAIT_MS.
 */
@Injectable()
export class GetPeriodRankingsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SchemeRegistry,
    private readonly processor: ProcessCyclesJob,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<EvaluationConfig, 'RANKING_WAIT_MS'>,
  ) {}

  async execute(principal: Principal, request: GetPeriodRankingsQuery, now = new Date()): Promise<PeriodRankingsView> {
    assertScope(principal, Scopes.EvaluationsRead);
    const kind = parsePeriodKind(request.periodKind);
    const window = cycleOfPeriod({ kind }, request.period);
    if (!window) {
      throw DomainError.validation(CycleErrorCode.RankingInvalidPeriod, [
        { field: 'period', message: `is not a ${kind} (e.g. ${EXAMPLES[kind]})`, code: 'INVALID' },
      ]);
    }
    const { level, size } = parseRankingRequest(request.by, request.limit);
    if (window.end >= chinaDateOf(now)) {
      throw new DomainError(
        CycleErrorCode.RankingPeriodNotEnded,
        'precondition',
        `Period ${request.period} ends on ${window.end}; it can be ranked from the next day.`,
        [{ field: 'period', message: `ends on ${window.end}`, code: 'NOT_ENDED' }],
      );
    }
    const asOf = endOfChinaDay(window.end);
    const version = await this.versionFor(request.schemeId, asOf);
    const ranking = await this.findOrStart(request.schemeId, version, kind, window, asOf, principal.clientId, now);
    const done = ranking.status === 'completed' ? ranking : await this.waitFor(ranking.id);
    const base = {
      id: done.id,
      schemeId: request.schemeId,
      schemeVersion: version,
      periodKind: kind,
      period: window.label,
      start: window.start,
      end: window.end,
      asOf: asOf.toISOString(),
      by: level,
      status: done.status,
      total: done.total,
      processed: done.processed,
    };
    if (done.status !== 'completed') return { ...base, subjects: [], regions: [] };
    return { ...base, ...(await rankCycleResults(this.dataSource, done.id, principal, level, size)) };
  }

  /** The version in force at the end of the period; for a period before the scheme's first publication, its first published version. */
  private async versionFor(schemeId: string, at: Date): Promise<number> {
    const [row]: { version: number }[] = await this.dataSource.query(
      `SELECT version FROM scheme_versions WHERE scheme_id = $1 AND published_at IS NOT NULL
        ORDER BY (published_at <= $2 AND (retired_at IS NULL OR retired_at > $2)) DESC, published_at LIMIT 1`,
      [schemeId, at],
    );
    if (!row) throw DomainError.notFound(SchemeErrorCode.NotFound, `No published scheme ${schemeId}.`);
    return row.version;
  }

  private async findOrStart(
    schemeId: string,
    version: number,
    kind: string,
    window: CycleWindow,
    asOf: Date,
    requestedBy: string,
    now: Date,
  ): Promise<RankingRow> {
    const document = (await this.registry.load(this.dataSource.manager, schemeId, version)).document;
    const scope = subjectScope(document);
    const total = await SubjectFactsReader.countInScope(this.dataSource.manager, scope, undefined, window.end);
    const inserted: RankingRow[] = await this.dataSource.query(
      `INSERT INTO evaluation_cycles (id, purpose, period_kind, scheme_id, scheme_version, period, start_date, end_date, cutoff, status, total, requested_by, requested_at)
       VALUES ($1, 'ranking', $10, $2, $3, $4, $5, $6, $7, 'running', $8, $9, $11)
       ON CONFLICT (scheme_id, scheme_version, purpose, period) DO NOTHING RETURNING id, status, total, processed`,
      [uuidv7(), schemeId, version, window.label, window.start, window.end, asOf, total, requestedBy, kind, now],
    );
    if (inserted[0]) {
      this.processor.nudge();
      return inserted[0];
    }
    const [existing]: RankingRow[] = await this.dataSource.query(
      `SELECT id, status, total, processed FROM evaluation_cycles WHERE scheme_id = $1 AND scheme_version = $2 AND purpose = 'ranking' AND period = $3`,
      [schemeId, version, window.label],
    );
    return (await this.regradeIfStale(existing!.id, window, scope, requestedBy, now)) ?? existing!;
  }

  /**
   * A completed ranking that a record decided within its period has made stale since (ADR 0045)
   * is graded again: its results are dropped and it runs from the start, in one transaction (the
   * row lock waits for any chunk in flight). A stale ranking still running finishes first and is
   * graded again on the request after.
   */
  private async regradeIfStale(id: string, window: CycleWindow, scope: SubjectScope, requestedBy: string, now: Date): Promise<RankingRow | undefined> {
    const restarted = await this.dataSource.transaction(async (manager) => {
      const total = await SubjectFactsReader.countInScope(manager, scope, undefined, window.end);
      const { rows } = await runUpdate<RankingRow>(
        manager,
        `UPDATE evaluation_cycles
            SET stale_since = NULL, status = 'running', processed = 0, cursor_subject = '', lease_until = NULL, completed_at = NULL,
                requested_by = $2, requested_at = $3,
                total = $4
          WHERE id = $1 AND status = 'completed' AND stale_since IS NOT NULL
          RETURNING id, status, total, processed`,
        [id, requestedBy, now, total],
      );
      if (rows[0]) await manager.query(`DELETE FROM cycle_results WHERE cycle_id = $1`, [id]);
      return rows[0];
    });
    if (restarted) this.processor.nudge();
    return restarted;
  }

  /** Polls the ranking's row until it completes or the wait is over (the processor works in the background). */
  private async waitFor(id: string): Promise<RankingRow> {
    const until = Date.now() + this.config.RANKING_WAIT_MS;
    for (;;) {
      const [row]: RankingRow[] = await this.dataSource.query(`SELECT id, status, total, processed FROM evaluation_cycles WHERE id = $1`, [id]);
      if (row!.status === 'completed' || Date.now() >= until) return row!;
      await delay(Math.min(100, Math.max(0, until - Date.now())));
    }
  }
}

interface RankingRow {
  id: string;
  status: string;
  total: number;
  processed: number;
}

function parsePeriodKind(raw: string): RankingPeriodKind {
  if ((RANKING_PERIOD_KINDS as readonly string[]).includes(raw)) return raw as RankingPeriodKind;
  throw DomainError.validation(CycleErrorCode.RankingInvalidPeriodKind, [
    { field: 'periodKind', message: `must be one of ${RANKING_PERIOD_KINDS.join(', ')}`, code: 'INVALID' },
  ]);
}
