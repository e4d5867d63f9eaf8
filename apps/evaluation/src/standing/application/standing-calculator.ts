import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationGradeChangedV1, EvaluationGradeWithdrawalReason, EvaluationGradeWithdrawnV1, Events } from '@contracts';
import { type Ladder, tierOf } from '@domain/credit';
import type { NewEvent } from '@platform/messaging';
import { OutboxPublisher } from '@platform/service';
import type { EvaluationResult, ListMembership, SubjectFacts } from '../../engine/domain/evaluate';
import { applicability, Applicability, NotApplicableReason, previousCycleOf, standingAt } from '../../engine/domain/standing';
import { LoadedScheme, SchemeRegistry } from '../../schemes/application/scheme-registry';
import { AppealFacts, gradeWithoutDisregarded } from '../../appeals/application/appeal-facts';
import { ClosedCycleGrades, ClosedCycleGradesRepository, closedPreviousOf } from '../infrastructure/closed-cycle-grades.repository';
import { SubjectListsRepository } from '../infrastructure/subject-lists.repository';
import { SubjectHistory, SubjectRecordsRepository } from '../infrastructure/subject-records.repository';

/** What of a stored standing is announced (and shown publicly by disclosure): a change of any of it is published. */
interface StoredGrade {
  grade: string;
  score: number;
  cycleLabel: string;
  schemeVersion: number;
  /** Not announced as a change, but carried by a withdrawal. */
  region: string;
}

export interface SchemeEvaluation {
  scheme: LoadedScheme;
  region: string;
  result: EvaluationResult;
}

/** A scheme whose kind and regions take the subject in, but whose sectors leave it out (ADR 0044). */
export interface SchemeNotApplicable {
  scheme: LoadedScheme;
  reason: NotApplicableReason;
}

/**
 * Grades one subject under every active scheme that applies to it, and keeps its standings:
 * the result (with its explanation) is stored; a change of grade, score, cycle or scheme version
 * is recorded and announced as `evaluation.grade.changed` through the outbox, in the caller's
 * transaction; a standing under a scheme that no longer grades the subject is withdrawn and
 * announced as `evaluation.grade.withdrawn` (ADR 0046).
 */
@Injectable()
export class StandingCalculator {
  constructor(
    private readonly registry: SchemeRegistry,
    private readonly outbox: OutboxPublisher,
  ) {}

  /** Every applicable scheme's result for the subject at `at`, under the versions in force then (and its lists as known then). */
  async evaluate(manager: EntityManager, history: SubjectHistory, at: Date, schemes?: LoadedScheme[]): Promise<SchemeEvaluation[]> {
    const loaded = schemes ?? (await this.registry.activeAt(manager, at));
    const listEntries = (await SubjectListsRepository.membershipsAt(manager, [history.subjectId], at)).get(history.subjectId) ?? [];
    const disregarded = (await AppealFacts.disregardedRecords(manager, [history.subjectId], at)).get(history.subjectId);
    const closed = await ClosedCycleGradesRepository.of(manager, previousPeriods(loaded, at), [history.subjectId], at);
    return evaluateLoaded(history, listEntries, at, loaded, closed, disregarded);
  }

  /**
   * The active schemes at `at` whose kind and regions would grade the subject but whose sectors do
   * not (the registry does not know the subject, or lists it in none of them): shown with its
   * evaluations, so "not graded" is visible rather than silent.
   */
  async notApplicable(manager: EntityManager, history: SubjectHistory, at: Date, schemes?: LoadedScheme[]): Promise<SchemeNotApplicable[]> {
    const loaded = schemes ?? (await this.registry.activeAt(manager, at));
    return loaded.flatMap((scheme) => {
      const outcome = applicability(scheme.compiled.document, history.kind, history.records, history.registration);
      return !outcome.applies && (outcome.reason === 'sector-unknown' || outcome.reason === 'sector-outside') ? [{ scheme, reason: outcome.reason }] : [];
    });
  }

  /** One subject's standing after a change attributed to `causeEventId` (a batch of one, see recomputeMany). */
  recompute(manager: EntityManager, subjectId: string, causeEventId: string): Promise<void> {
    return this.recomputeMany(manager, new Map([[subjectId, causeEventId]]));
  }

  /**
   * Recomputes subjects' standings (one subject: a record event; many: a batch of them, ADR 0033,
   * or a chunk of a scheme refresh), with one statement per table. One subject is recomputed by
   * one transaction at a time, whichever replica holds the event (advisory locks, taken in one
   * statement in a fixed order); records, stored grades and list entries are each read in one
   * query, standings upserted in one statement, changes and `grade.changed` events appended in one
   * each. `causes` maps each subject to the event its changes are attributed to.
   *
   * Each subject's final standing is the one recomputing after each of its events would leave
   * (a standing is a function of the subject's records, lists and the active schemes, never of
   * the standing stored before it). What differs from recomputing once per event is the
   * history: only the net change from the stored standing to the new one is recorded in
   * `standing_changes` and announced as `evaluation.grade.changed` — intermediate grades a
   * subject passed through within the batch are not, and a net "no change" is not announced.
   */
  async recomputeMany(manager: EntityManager, causes: ReadonlyMap<string, string>): Promise<void> {
    if (causes.size === 0) return;
    // One subject at a time per transaction: the advisory locks, taken in one statement in a fixed order.
    const subjectIds = [...causes.keys()].sort();
    await manager.query(`SELECT count(pg_advisory_xact_lock(hashtext(s))) FROM unnest($1::text[]) AS s`, [subjectIds]);
    const histories = await SubjectRecordsRepository.histories(manager, subjectIds);
    if (histories.size === 0) return;
    const graded = [...histories.keys()];
    const now = new Date();
    const previous = await this.storedGradesOf(manager, graded);
    const schemes = await this.registry.activeAt(manager);
    const memberships = await SubjectListsRepository.membershipsAt(manager, graded, now);
    const disregarded = await AppealFacts.disregardedRecords(manager, graded, now);
    const closed = await ClosedCycleGradesRepository.of(manager, previousPeriods(schemes, now), graded, now);

    const standings: { history: SubjectHistory; evaluation: SchemeEvaluation }[] = [];
    const changes: { history: SubjectHistory; evaluation: SchemeEvaluation; before: StoredGrade | undefined; cause: string }[] = [];
    const standingKeys = new Set<string>();
    for (const history of histories.values()) {
      for (const evaluation of evaluateLoaded(history, memberships.get(history.subjectId) ?? [], now, schemes, closed, disregarded.get(history.subjectId))) {
        standings.push({ history, evaluation });
        const key = `${evaluation.scheme.schemeId}\u0000${history.subjectId}`;
        standingKeys.add(key);
        const before = previous.get(key);
        if (before && !standingMoved(before, evaluation)) continue;
        changes.push({ history, evaluation, before, cause: causes.get(history.subjectId)! });
      }
    }
    await this.withdrawLeftStandings(manager, histories, previous, standingKeys, schemes, causes, now);
    if (standings.length === 0) return;
    await manager.query(
      `INSERT INTO subject_standings (scheme_id, subject_id, scheme_version, subject_kind, region, grade, score, cycle_label, result, evaluated_at)
       SELECT scheme_id, subject_id, scheme_version, subject_kind, region, grade, score, cycle_label, result, $10
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::jsonb[])
              AS s (scheme_id, subject_id, scheme_version, subject_kind, region, grade, score, cycle_label, result)
       ON CONFLICT (scheme_id, subject_id) DO UPDATE SET scheme_version = EXCLUDED.scheme_version, region = EXCLUDED.region, grade = EXCLUDED.grade,
          score = EXCLUDED.score, cycle_label = EXCLUDED.cycle_label, result = EXCLUDED.result, evaluated_at = EXCLUDED.evaluated_at`,
      [
        standings.map((s) => s.evaluation.scheme.schemeId),
        standings.map((s) => s.history.subjectId),
        standings.map((s) => s.evaluation.scheme.version),
        standings.map((s) => s.history.kind),
        standings.map((s) => s.evaluation.region),
        standings.map((s) => s.evaluation.result.grade),
        standings.map((s) => s.evaluation.result.score),
        standings.map((s) => s.evaluation.result.cycle.label),
        standings.map((s) => JSON.stringify(s.evaluation.result)),
        now,
      ],
    );
    if (changes.length === 0) return;
    await manager.query(
      `INSERT INTO standing_changes (scheme_id, subject_id, scheme_version, previous_grade, grade, score, cause_event_id, changed_at)
       SELECT scheme_id, subject_id, scheme_version, previous_grade, grade, score, cause_event_id, $8
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::float8[], $7::uuid[])
              AS c (scheme_id, subject_id, scheme_version, previous_grade, grade, score, cause_event_id)`,
      [
        changes.map((c) => c.evaluation.scheme.schemeId),
        changes.map((c) => c.history.subjectId),
        changes.map((c) => c.evaluation.scheme.version),
        changes.map((c) => c.before?.grade ?? null),
        changes.map((c) => c.evaluation.result.grade),
        changes.map((c) => c.evaluation.result.score),
        changes.map((c) => c.cause),
        now,
      ],
    );
    // Every published change of the standing is announced, not only a new grade letter: disclosure
    // shows the score, cycle and scheme version too (issue 16: public 970 while evaluation had 960).
    await this.outbox.appendMany(
      manager,
      Events.EvaluationGradeChanged,
      changes.map((c) => gradeChanged(c.history, c.evaluation, c.before, c.cause, now)),
    );
  }

  /**
   * A subject's standing under an active scheme that no longer grades it (the registry moved it out
   * of the scheme's sectors, ADR 0044, or its records out of the scheme's regions) is withdrawn, so
   * reads stop showing a grade the scheme would not give; the withdrawal is kept in
   * `standing_changes` and announced as `evaluation.grade.withdrawn` in the same transaction, so
   * disclosure and joint measures stop showing and using it too (ADR 0046). Only standings of
   * active schemes recomputed just now are touched.
   */
  private async withdrawLeftStandings(
    manager: EntityManager,
    histories: ReadonlyMap<string, SubjectHistory>,
    previous: ReadonlyMap<string, StoredGrade>,
    graded: ReadonlySet<string>,
    schemes: readonly LoadedScheme[],
    causes: ReadonlyMap<string, string>,
    now: Date,
  ): Promise<void> {
    const active = new Map(schemes.map((s) => [s.schemeId, s]));
    const withdrawals: Withdrawal[] = [];
    for (const [key, before] of previous) {
      if (graded.has(key)) continue;
      const [schemeId, subjectId] = key.split('\u0000') as [string, string];
      const scheme = active.get(schemeId);
      const history = histories.get(subjectId);
      if (!scheme || !history) continue;
      const outcome = applicability(scheme.compiled.document, history.kind, history.records, history.registration);
      withdrawals.push({ scheme, history, before, reason: withdrawalReason(outcome), cause: causes.get(subjectId)! });
    }
    if (withdrawals.length === 0) return;
    await manager.query(
      `DELETE FROM subject_standings s USING unnest($1::text[], $2::text[]) AS l (scheme_id, subject_id)
        WHERE s.scheme_id = l.scheme_id AND s.subject_id = l.subject_id`,
      [withdrawals.map((w) => w.scheme.schemeId), withdrawals.map((w) => w.history.subjectId)],
    );
    await manager.query(
      `INSERT INTO standing_changes (scheme_id, subject_id, scheme_version, previous_grade, withdrawal_reason, cause_event_id, changed_at)
       SELECT scheme_id, subject_id, scheme_version, previous_grade, withdrawal_reason, cause_event_id, $7
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::uuid[])
              AS c (scheme_id, subject_id, scheme_version, previous_grade, withdrawal_reason, cause_event_id)`,
      [
        withdrawals.map((w) => w.scheme.schemeId),
        withdrawals.map((w) => w.history.subjectId),
        withdrawals.map((w) => w.scheme.version),
        withdrawals.map((w) => w.before.grade),
        withdrawals.map((w) => w.reason),
        withdrawals.map((w) => w.cause),
        now,
      ],
    );
    await this.outbox.appendMany(
      manager,
      Events.EvaluationGradeWithdrawn,
      withdrawals.map((w) => gradeWithdrawn(w, now)),
    );
  }

  /** Stored grades keyed by scheme and subject (NUL-separated). */
  private async storedGradesOf(manager: EntityManager, subjectIds: readonly string[]): Promise<Map<string, StoredGrade>> {
    const rows: { scheme_id: string; subject_id: string; grade: string; score: number; cycle_label: string; scheme_version: number; region: string }[] =
      await manager.query(
        `SELECT scheme_id, subject_id, grade, score, cycle_label, scheme_version, region FROM subject_standings WHERE subject_id = ANY($1::text[])`,
        [subjectIds],
      );
    return new Map(
      rows.map((r) => [
        `${r.scheme_id}\u0000${r.subject_id}`,
        { grade: r.grade, score: r.score, cycleLabel: r.cycle_label, schemeVersion: r.scheme_version, region: r.region },
      ]),
    );
  }
}

/** Whether anything announced about a standing differs between the stored one and a new evaluation. */
function standingMoved(before: StoredGrade, { scheme, result }: SchemeEvaluation): boolean {
  return before.grade !== result.grade || before.score !== result.score || before.cycleLabel !== result.cycle.label || before.schemeVersion !== scheme.version;
}

/** Each scheme's cycle before the one containing `at`: whose close, if any, gives the previous grade. */
function previousPeriods(schemes: readonly LoadedScheme[], at: Date): { schemeId: string; period: string }[] {
  return schemes.map((s) => ({ schemeId: s.schemeId, period: previousCycleOf(s.compiled, at).label }));
}

/**
 * Each applicable scheme's result. Records an upheld grade appeal disregards under a scheme
 * (`disregarded`: scheme id → record ids, ADR 0054) are left out of that scheme's grading only.
 * The previous cycle's grade is the one its close gave, when it was closed (`closed`).
 */
function evaluateLoaded(
  history: SubjectHistory,
  listEntries: ListMembership[],
  at: Date,
  schemes: LoadedScheme[],
  closed: ClosedCycleGrades,
  disregarded?: ReadonlyMap<string, ReadonlySet<string>>,
): SchemeEvaluation[] {
  return schemes.flatMap((scheme) => {
    const outcome = applicability(scheme.compiled.document, history.kind, history.records, history.registration);
    if (!outcome.applies) return [];
    const { region } = outcome;
    const subject: SubjectFacts = { id: history.subjectId, kind: history.kind, region, lists: [], listEntries, registration: history.registration };
    const result = gradeWithoutDisregarded(history.records, disregarded?.get(scheme.schemeId), (records) =>
      standingAt(scheme.compiled, subject, records, at, undefined, closedPreviousOf(closed, scheme.schemeId, history.subjectId)),
    );
    return [{ scheme, region, result }];
  });
}

function gradeChanged(
  history: SubjectHistory,
  { scheme, region, result }: SchemeEvaluation,
  before: StoredGrade | undefined,
  causeEventId: string,
  now: Date,
): NewEvent<EvaluationGradeChangedV1> {
  return {
    subjectId: history.subjectId,
    region,
    occurredAt: now,
    data: {
      schemeId: scheme.schemeId,
      schemeVersion: scheme.version,
      schemeName: scheme.compiled.document.name,
      subject: { kind: history.kind, id: history.subjectId },
      region,
      cycle: { label: result.cycle.label, start: result.cycle.start, end: result.cycle.end },
      previousGrade: before?.grade ?? null,
      grade: result.grade,
      ...tierField(scheme.compiled.ladder, result.grade),
      score: result.score,
      triggers: result.triggers.map((t) => t.id),
      evaluatedAt: now.toISOString(),
      causeEventId,
    },
  };
}

/** A standing its scheme no longer gives, with why. */
interface Withdrawal {
  scheme: LoadedScheme;
  history: SubjectHistory;
  before: StoredGrade;
  reason: EvaluationGradeWithdrawalReason;
  cause: string;
}

/** Why a scheme that graded the subject no longer does (only called when it does not apply). */
function withdrawalReason(outcome: Applicability): EvaluationGradeWithdrawalReason {
  if (outcome.applies) throw new Error('a scheme that applies does not withdraw a grade');
  switch (outcome.reason) {
    case 'sector-outside':
      return 'SECTOR_OUTSIDE';
    case 'sector-unknown':
      return 'SECTOR_UNKNOWN';
    case 'region':
      return 'REGION_OUTSIDE';
    case 'kind':
      return 'KIND_OUTSIDE';
  }
}

function gradeWithdrawn({ scheme, history, before, reason, cause }: Withdrawal, now: Date): NewEvent<EvaluationGradeWithdrawnV1> {
  return {
    subjectId: history.subjectId,
    region: before.region,
    occurredAt: now,
    data: {
      schemeId: scheme.schemeId,
      schemeVersion: scheme.version,
      subject: { kind: history.kind, id: history.subjectId },
      region: before.region,
      previous: { grade: before.grade, score: before.score, cycleLabel: before.cycleLabel, schemeVersion: before.schemeVersion },
      reason,
      withdrawnAt: now.toISOString(),
      causeEventId: cause,
    },
  };
}

/** `{ tier }` when the scheme's ladder declares tiers (ADR 0050), else nothing: the event field is optional. */
function tierField(ladder: Ladder, grade: string): { tier?: string } {
  const tier = tierOf(ladder, grade);
  return tier === undefined ? {} : { tier };
}
