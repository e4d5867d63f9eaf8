import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationGradeChangedV1, Events } from '@contracts';
import type { NewEvent } from '@platform/messaging';
import { OutboxPublisher } from '@platform/service';
import type { EvaluationResult, ListMembership, SubjectFacts } from '../../engine/domain/evaluate';
import { applicableRegion, standingAt } from '../../engine/domain/standing';
import { LoadedScheme, SchemeRegistry } from '../../schemes/application/scheme-registry';
import { SubjectListsRepository } from '../infrastructure/subject-lists.repository';
import { SubjectHistory, SubjectRecordsRepository } from '../infrastructure/subject-records.repository';

interface StoredGrade {
  grade: string;
  score: number;
}

export interface SchemeEvaluation {
  scheme: LoadedScheme;
  region: string;
  result: EvaluationResult;
}

/**
 * Grades one subject under every active scheme that applies to it, and keeps its standings:
 * the result (with its explanation) is stored; a change of grade is recorded and announced as
 * `evaluation.grade.changed` through the outbox, in the caller's transaction.
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
    return evaluateLoaded(history, listEntries, at, loaded);
  }

  async recompute(manager: EntityManager, subjectId: string, causeEventId: string): Promise<void> {
    // One subject is recomputed by one transaction at a time, whichever replica holds the event.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [subjectId]);
    const history = await SubjectRecordsRepository.history(manager, subjectId);
    if (!history) return;
    const now = new Date();
    const previous = await this.storedGrades(manager, subjectId);
    const schemes = await this.registry.activeAt(manager);
    for (const evaluation of await this.evaluate(manager, history, now, schemes)) {
      await this.store(manager, history, evaluation, previous.get(evaluation.scheme.schemeId), causeEventId, now);
    }
  }

  private async storedGrades(manager: EntityManager, subjectId: string): Promise<Map<string, { grade: string; score: number }>> {
    const rows: { scheme_id: string; grade: string; score: number }[] = await manager.query(`SELECT scheme_id, grade, score FROM subject_standings WHERE subject_id = $1`, [subjectId]);
    return new Map(rows.map((r) => [r.scheme_id, { grade: r.grade, score: r.score }]));
  }

  private async store(manager: EntityManager, history: SubjectHistory, evaluation: SchemeEvaluation, before: StoredGrade | undefined, causeEventId: string, now: Date): Promise<void> {
    const { scheme, region, result } = evaluation;
    await manager.query(
      `INSERT INTO subject_standings (scheme_id, subject_id, scheme_version, subject_kind, region, grade, score, cycle_label, result, evaluated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (scheme_id, subject_id) DO UPDATE SET scheme_version = $3, region = $5, grade = $6, score = $7, cycle_label = $8, result = $9, evaluated_at = $10`,
      [scheme.schemeId, history.subjectId, scheme.version, history.kind, region, result.grade, result.score, result.cycle.label, JSON.stringify(result), now],
    );
    if (before && before.grade === result.grade && before.score === result.score) return;
    await manager.query(
      `INSERT INTO standing_changes (scheme_id, subject_id, scheme_version, previous_grade, grade, score, cause_event_id, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [scheme.schemeId, history.subjectId, scheme.version, before?.grade ?? null, result.grade, result.score, causeEventId, now],
    );
    if (before?.grade === result.grade) return;
    await this.outbox.append(manager, Events.EvaluationGradeChanged, gradeChanged(history, evaluation, before, causeEventId, now));
  }
}

function evaluateLoaded(history: SubjectHistory, listEntries: ListMembership[], at: Date, schemes: LoadedScheme[]): SchemeEvaluation[] {
  return schemes.flatMap((scheme) => {
    const region = applicableRegion(scheme.compiled.document, history.kind, history.records);
    if (!region) return [];
    const subject: SubjectFacts = { id: history.subjectId, kind: history.kind, region, lists: [], listEntries };
    return [{ scheme, region, result: standingAt(scheme.compiled, subject, history.records, at) }];
  });
}

function gradeChanged(history: SubjectHistory, { scheme, region, result }: SchemeEvaluation, before: StoredGrade | undefined, causeEventId: string, now: Date): NewEvent<EvaluationGradeChangedV1> {
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
      score: result.score,
      triggers: result.triggers.map((t) => t.id),
      evaluatedAt: now.toISOString(),
      causeEventId,
    },
  };
}
