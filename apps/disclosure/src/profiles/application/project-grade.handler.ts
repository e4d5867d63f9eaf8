import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationGradeChangedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { PROFILE_CHANGES, ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';

/**
 * `evaluation.grade.changed` → the enterprise's current grade under that scheme, with the
 * scheme's name and the grade's tier (ADR 0050) when the event carries them. Only
 * enterprises are shown (individuals' grades are not public). A change older than the one shown
 * (redelivered late) is ignored, and so is one older than a withdrawal of the grade
 * (`evaluation.grade.withdrawn`, WithdrawGradeHandler, ADR 0046); a newer one shows it again.
 */
@Injectable()
export class ProjectGradeHandler {
  constructor(@Inject(PROFILE_CHANGES) private readonly changes: ProfileChangesPort) {}

  async handle(event: EventEnvelope<EvaluationGradeChangedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.EvaluationGradeChanged.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const g = event.data;
    if (g.subject.kind !== 'org') return;
    await upsertGrades(manager, [g]);
    await this.changes.touch(manager, [g.subject.id]);
  }

  /**
   * A batch (ADR 0033) in one statement. Per enterprise and scheme only the newest change can
   * win (a change applies only over an older one), so the batch keeps, for each, the first event
   * with the latest `evaluatedAt` — the one that sequential handling would leave in place. (Only
   * difference: a scheme name given by an earlier change in the same batch is not carried over
   * to a newer change without one; every current producer sends the name.)
   */
  async handleBatch(events: EventEnvelope<EvaluationGradeChangedV1>[], manager: EntityManager): Promise<void> {
    const unsupported = events.find((e) => e.version !== Events.EvaluationGradeChanged.version);
    if (unsupported) throw new PoisonMessageError(`unsupported version ${unsupported.version}`);
    const newest = new Map<string, EvaluationGradeChangedV1>();
    for (const { data: g } of events) {
      if (g.subject.kind !== 'org') continue;
      const key = `${g.subject.id}\u0000${g.schemeId}`;
      const held = newest.get(key);
      if (!held || new Date(g.evaluatedAt) > new Date(held.evaluatedAt)) newest.set(key, g);
    }
    if (newest.size === 0) return;
    await upsertGrades(manager, [...newest.values()]);
    await this.changes.touch(manager, [...new Set([...newest.values()].map((g) => g.subject.id))]);
  }
}

/** Inserts or replaces grades (at most one per enterprise and scheme), each only over an older one or an older withdrawal. */
async function upsertGrades(manager: EntityManager, grades: EvaluationGradeChangedV1[]): Promise<void> {
  const column = <T>(pick: (g: EvaluationGradeChangedV1) => T) => grades.map(pick);
  await manager.query(
    `INSERT INTO public_grades (uscc, scheme_id, scheme_version, grade, score, cycle_label, evaluated_at, scheme_name, scheme_name_en, tier)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::numeric[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[])
       ON CONFLICT (uscc, scheme_id) DO UPDATE
         SET scheme_version = EXCLUDED.scheme_version, grade = EXCLUDED.grade, tier = EXCLUDED.tier, score = EXCLUDED.score,
             cycle_label = EXCLUDED.cycle_label, evaluated_at = EXCLUDED.evaluated_at,
             scheme_name = coalesce(EXCLUDED.scheme_name, public_grades.scheme_name),
             scheme_name_en = coalesce(EXCLUDED.scheme_name_en, public_grades.scheme_name_en),
             withdrawn_at = NULL, withdrawal_reason = NULL
       WHERE public_grades.evaluated_at < EXCLUDED.evaluated_at
         AND (public_grades.withdrawn_at IS NULL OR public_grades.withdrawn_at < EXCLUDED.evaluated_at)`,
    [
      column((g) => g.subject.id),
      column((g) => g.schemeId),
      column((g) => g.schemeVersion),
      column((g) => g.grade),
      column((g) => g.score),
      column((g) => g.cycle.label),
      column((g) => new Date(g.evaluatedAt).toISOString()),
      column((g) => g.schemeName?.zh ?? null),
      column((g) => g.schemeName?.en ?? null),
      column((g) => g.tier ?? null),
    ],
  );
}
