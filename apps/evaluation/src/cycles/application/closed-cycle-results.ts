import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationCycleGradeRecordedV1, Events } from '@contracts';
import type { SubjectKind } from '@domain/credit';
import type { NewEvent } from '@platform/messaging';
import { OutboxPublisher } from '@platform/service';
import { AppealFacts, gradeWithoutDisregarded } from '../../appeals/application/appeal-facts';
import { pointsDeductedInCycle } from '../../engine/domain/deductions';
import type { EvaluationResult } from '../../engine/domain/evaluate';
import { applicableRegion, previousCycleOf, standingAt } from '../../engine/domain/standing';
import { SchemeRegistry } from '../../schemes/application/scheme-registry';
import { closedPreviousOf, SubjectFactsReader } from '../../standing/application/subject-facts.reader';

/** A subject's result in a completed close of a scheme's cycle (what was published for the period). */
export interface ClosedCycleResult {
  cycleId: string;
  schemeVersion: number;
  subjectKind: SubjectKind;
  region: string;
  grade: string;
  score: number;
  cycle: { label: string; start: string; end: string };
}

/** What `evaluation.cycle-grades.recorded` says of one graded subject of a close. */
export interface RecordedCycleGrade {
  cycleId: string;
  schemeId: string;
  schemeVersion: number;
  subjectId: string;
  kind: SubjectKind;
  region: string;
  result: EvaluationResult;
}

export function cycleGradeRecorded(g: RecordedCycleGrade, now: Date): NewEvent<EvaluationCycleGradeRecordedV1> {
  return {
    subjectId: g.subjectId,
    region: g.region,
    occurredAt: now,
    data: {
      cycleId: g.cycleId,
      schemeId: g.schemeId,
      schemeVersion: g.schemeVersion,
      subject: { kind: g.kind, id: g.subjectId },
      region: g.region,
      cycle: { label: g.result.cycle.label, start: g.result.cycle.start, end: g.result.cycle.end },
      grade: g.result.grade,
      score: g.result.score,
      pointsDeducted: pointsDeductedInCycle(g.result),
      recordedAt: now.toISOString(),
    },
  };
}

/**
 * Closed-cycle results as grade appeals need them (ADR 0054): the published result a subject
 * contests, and its re-grade once an appeal is upheld — the subject graded again as it stood at
 * the close's cutoff, by the same scheme version, without the records upheld appeals disregard;
 * the stored result replaced and `evaluation.cycle-grades.recorded` announced again, in the
 * caller's transaction (joint measures keeps one grade per subject, scheme and cycle).
 */
@Injectable()
export class ClosedCycleResults {
  constructor(
    private readonly registry: SchemeRegistry,
    private readonly outbox: OutboxPublisher,
  ) {}

  /** The subject's result in the latest completed close of the scheme for `period` (e.g. 2026-Q3). */
  async find(manager: EntityManager, schemeId: string, period: string, subjectId: string): Promise<ClosedCycleResult | undefined> {
    const [row]: ClosedCycleResult[] = await manager.query(
      `SELECT c.id AS "cycleId", c.scheme_version AS "schemeVersion", r.subject_kind AS "subjectKind", r.region, r.grade, r.score,
              json_build_object('label', c.period, 'start', to_char(c.start_date, 'YYYY-MM-DD'), 'end', to_char(c.end_date, 'YYYY-MM-DD')) AS cycle
         FROM evaluation_cycles c JOIN cycle_results r ON r.cycle_id = c.id AND r.subject_id = $3
        WHERE c.scheme_id = $1 AND c.period = $2 AND c.purpose = 'close' AND c.status = 'completed'
        ORDER BY c.completed_at DESC LIMIT 1`,
      [schemeId, period, subjectId],
    );
    return row;
  }

  /** Grades the subject again for the closed cycle; the new result, or undefined when the scheme no longer takes it in. */
  async regrade(manager: EntityManager, cycleId: string, subjectId: string): Promise<{ grade: string; score: number } | undefined> {
    const [cycle]: { scheme_id: string; scheme_version: number; period: string; start_date: string; end_date: string; cutoff: Date }[] = await manager.query(
      `SELECT scheme_id, scheme_version, period, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, cutoff
         FROM evaluation_cycles WHERE id = $1 AND purpose = 'close' AND status = 'completed'`,
      [cycleId],
    );
    if (!cycle) return undefined;
    const compiled = await this.registry.load(manager, cycle.scheme_id, cycle.scheme_version);
    const history = (await SubjectFactsReader.histories(manager, [subjectId], cycle.cutoff)).get(subjectId);
    if (!history) return undefined;
    const region = applicableRegion(compiled.document, history.kind, history.records, history.registration);
    if (!region) return undefined;
    const lists = (await SubjectFactsReader.membershipsAt(manager, [subjectId], cycle.cutoff)).get(subjectId) ?? [];
    // Every appeal upheld so far counts, the one just decided included (decided after the cutoff).
    const left = (await AppealFacts.disregardedRecords(manager, [subjectId], new Date())).get(subjectId)?.get(cycle.scheme_id);
    const facts = { id: subjectId, kind: history.kind, region, lists: [], listEntries: lists, registration: history.registration };
    const window = { label: cycle.period, start: cycle.start_date, end: cycle.end_date };
    // The previous cycle as its close gave it, as the close itself read it (closed by the cutoff).
    const previous = [{ schemeId: cycle.scheme_id, period: previousCycleOf(compiled, cycle.cutoff, window).label }];
    const closed = await SubjectFactsReader.closedCycleGrades(manager, previous, [subjectId], cycle.cutoff);
    const closedPrevious = closedPreviousOf(closed, cycle.scheme_id, subjectId);
    const result = gradeWithoutDisregarded(history.records, left, (counted) => standingAt(compiled, facts, counted, cycle.cutoff, window, closedPrevious));
    await manager.query(`UPDATE cycle_results SET region = $3, grade = $4, score = $5, result = $6 WHERE cycle_id = $1 AND subject_id = $2`, [
      cycleId,
      subjectId,
      region,
      result.grade,
      result.score,
      JSON.stringify(result),
    ]);
    await this.outbox.append(
      manager,
      Events.EvaluationCycleGradeRecorded,
      cycleGradeRecorded(
        { cycleId, schemeId: cycle.scheme_id, schemeVersion: cycle.scheme_version, subjectId, kind: history.kind, region, result },
        new Date(),
      ),
    );
    return { grade: result.grade, score: result.score };
  }
}
