import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseRegionCode, regionContains } from '@domain/identifiers';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { chinaDateOf } from '@domain/calendar';
import { cycleContaining } from '../../engine/domain/cycle';
import type { EvaluationResult } from '../../engine/domain/evaluate';
import { AppealFacts } from '../../appeals/application/appeal-facts';
import type { GradeAppealView } from '../../appeals/application/grade-appeal.view';
import { StandingErrorCode } from '../domain/standing-errors';
import { SubjectHistory, SubjectRecordsRepository } from '../infrastructure/subject-records.repository';
import { SECTOR_NAMES, isSector, tierOf } from '@domain/credit';
import type { NotApplicableReason } from '../../engine/domain/standing';
import type { LoadedScheme } from '../../schemes/application/scheme-registry';
import { GetSubjectEvaluationsQuery, SchemeNotApplicableView, SubjectEvaluationsView, SubjectEvaluationView } from './get-subject-evaluations.query';
import { StandingCalculator } from './standing-calculator';

interface StoredStanding {
  scheme_id: string;
  scheme_version: number;
  region: string;
  result: EvaluationResult;
  evaluated_at: Date;
}

/**
 * A subject's results under every scheme that applies, each with its explanation. Now: the
 * stored standing while its cycle is still the current one (recomputed on the fly otherwise).
 * As of a past instant: recomputed from the record history as it stood then (records received
 * later, or withdrawn earlier, are left out) under the scheme versions in force then.
 */
@Injectable()
export class GetSubjectEvaluationsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly standings: StandingCalculator,
  ) {}

  async execute(principal: Principal, { subjectId, asOf: asOfRaw }: GetSubjectEvaluationsQuery): Promise<SubjectEvaluationsView> {
    assertScope(principal, Scopes.EvaluationsRead);
    const asOf = parseAsOf(asOfRaw);
    const manager = this.dataSource.manager;
    const history = await SubjectRecordsRepository.history(manager, subjectId);
    // Outside the caller's region reads as absent: existence is not leaked across regions.
    if (!history || !visibleTo(principal, history)) throw DomainError.notFound(StandingErrorCode.SubjectNotFound, `No evaluations for subject ${subjectId}.`);
    const at = asOf ?? new Date();
    const fresh = await this.standings.evaluate(manager, history, at);
    const stored = asOf ? new Map<string, StoredStanding>() : await this.stored(subjectId);
    // The grade under appeal is marked (ADR 0054); an as-of read shows results only.
    const appeals = asOf ? new Map<string, GradeAppealView>() : await AppealFacts.latestBySchemeOf(manager, subjectId);
    const evaluations = fresh.map(({ scheme, region, result }) => {
      const kept = stored.get(scheme.schemeId);
      const current =
        kept && kept.scheme_version === scheme.version && kept.result.cycle.label === cycleContaining(scheme.compiled.document.cycle, chinaDateOf(at)).label;
      const shown = view(scheme, current ? kept.region : region, current ? kept.result : result, current ? kept.evaluated_at : at);
      const appeal = appeals.get(scheme.schemeId);
      return appeal && appeal.cycleLabel === shown.cycleLabel ? { ...shown, appeal } : shown;
    });
    const notApplicable = (await this.standings.notApplicable(manager, history, at)).map(({ scheme, reason }) => notApplicableView(scheme, reason));
    return { subjectId, asOf: at.toISOString(), evaluations, notApplicable };
  }

  private async stored(subjectId: string): Promise<Map<string, StoredStanding>> {
    const rows: StoredStanding[] = await this.dataSource.query(
      `SELECT scheme_id, scheme_version, region, result, evaluated_at FROM subject_standings WHERE subject_id = $1`,
      [subjectId],
    );
    return new Map(rows.map((r) => [r.scheme_id, r]));
  }
}

function parseAsOf(raw: string): Date | undefined {
  if (!raw) return undefined;
  const at = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? new Date(raw) : new Date(NaN);
  if (Number.isNaN(at.getTime())) {
    throw DomainError.validation(StandingErrorCode.InvalidAsOf, [
      { field: 'asOf', message: 'must be an ISO 8601 instant with offset, e.g. 2026-06-30T23:59:59+08:00', code: 'INVALID' },
    ]);
  }
  if (at.getTime() > Date.now())
    throw DomainError.validation(StandingErrorCode.InvalidAsOf, [{ field: 'asOf', message: 'must not be in the future', code: 'IN_FUTURE' }]);
  return at;
}

/** In the caller's region: a record of the subject filed there, or (ADR 0051) its registration there. */
function visibleTo(principal: Principal, history: SubjectHistory): boolean {
  const scope = parseRegionCode(principal.region);
  if (!scope.ok) return false;
  const regions = [...history.records.map((r) => r.region), ...(history.registration ? [history.registration.region] : [])];
  return regions.some((region) => {
    const code = parseRegionCode(region);
    return code.ok && regionContains(scope.value, code.value);
  });
}

function view(scheme: LoadedScheme, region: string, result: EvaluationResult, evaluatedAt: Date): SubjectEvaluationView {
  return {
    schemeId: scheme.schemeId,
    schemeVersion: scheme.version,
    schemeNameZh: scheme.compiled.document.name.zh,
    region,
    grade: result.grade,
    tier: tierOf(scheme.compiled.ladder, result.grade) ?? '',
    score: result.score,
    cycleLabel: result.cycle.label,
    cycleStart: result.cycle.start,
    cycleEnd: result.cycle.end,
    evaluatedAt: evaluatedAt.toISOString(),
    explanationJson: JSON.stringify(result.explanation),
    triggers: result.triggers.map((t) => t.id),
  };
}

/** "Not applicable: sector unknown/outside", with the scheme's sectors named in Chinese for people. */
function notApplicableView(scheme: LoadedScheme, reason: NotApplicableReason): SchemeNotApplicableView {
  const sectors = scheme.compiled.document.sectors ?? [];
  const names = sectors.map((s) => (isSector(s) ? SECTOR_NAMES[s] : s)).join('、');
  return {
    schemeId: scheme.schemeId,
    schemeVersion: scheme.version,
    schemeNameZh: scheme.compiled.document.name.zh,
    reason: reason === 'sector-unknown' ? 'SECTOR_UNKNOWN' : 'SECTOR_OUTSIDE',
    message:
      reason === 'sector-unknown'
        ? `不适用：主体库中无该主体的行业信息，本方案仅评价${names}经营者`
        : `不适用：主体库登记的行业不属于本方案评价的行业（${names}）`,
    sectors: [...sectors],
  };
}
