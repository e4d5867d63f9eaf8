import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationGradeChangedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { ProfileChanges } from '../../publication-log/infrastructure/profile-changes';

/**
 * `evaluation.grade.changed` → the enterprise's current grade under that scheme, with the
 * scheme's name when the event carries it. Only
 * enterprises are shown (individuals' grades are not public). A change older than the one shown
 * (redelivered late) is ignored.
 */
@Injectable()
export class ProjectGradeHandler implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly changes: ProfileChanges,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      { stream: Events.EvaluationGradeChanged.stream, durable: 'disclosure-evaluation-grade-changed', filterSubject: Events.EvaluationGradeChanged.subject },
      (event, manager) => this.handle(event as EventEnvelope<EvaluationGradeChangedV1>, manager),
    );
  }

  async handle(event: EventEnvelope<EvaluationGradeChangedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.EvaluationGradeChanged.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const g = event.data;
    if (g.subject.kind !== 'org') return;
    await manager.query(
      `INSERT INTO public_grades (uscc, scheme_id, scheme_version, grade, score, cycle_label, evaluated_at, scheme_name, scheme_name_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (uscc, scheme_id) DO UPDATE
         SET scheme_version = EXCLUDED.scheme_version, grade = EXCLUDED.grade, score = EXCLUDED.score,
             cycle_label = EXCLUDED.cycle_label, evaluated_at = EXCLUDED.evaluated_at,
             scheme_name = coalesce(EXCLUDED.scheme_name, public_grades.scheme_name),
             scheme_name_en = coalesce(EXCLUDED.scheme_name_en, public_grades.scheme_name_en)
       WHERE public_grades.evaluated_at < EXCLUDED.evaluated_at`,
      [g.subject.id, g.schemeId, g.schemeVersion, g.grade, g.score, g.cycle.label, new Date(g.evaluatedAt), g.schemeName?.zh ?? null, g.schemeName?.en ?? null],
    );
    await this.changes.touch(manager, [g.subject.id]);
  }
}
