import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationCycleGradeRecordedV1, EventEnvelope, Events } from '@contracts';
import { isSubjectKind } from '@domain/credit';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { RecordCycleGradeHandler } from '../application/record-cycle-grade.handler';

/**
 * Closed-cycle grades from evaluation (`evaluation.cycle-grades.recorded`, one per subject per
 * closed cycle, published whether or not the grade moved) feed the grade-history rules.
 */
@Injectable()
export class GradeEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly recordCycleGrade: RecordCycleGradeHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.EvaluationCycleGradeRecorded, 'joint-measures-cycle-grades', { one: (event, manager) => this.recorded(event, manager) });
  }

  async recorded(event: EventEnvelope<EvaluationCycleGradeRecordedV1>, manager: EntityManager): Promise<void> {
    const g = event.data;
    if (
      !g?.subject ||
      !isSubjectKind(g.subject.kind) ||
      !g.subject.id ||
      !g.schemeId ||
      !g.cycle?.label ||
      typeof g.grade !== 'string' ||
      !Number.isFinite(g.pointsDeducted)
    ) {
      throw new PoisonMessageError('a cycle grade needs subject.kind, subject.id, schemeId, cycle.label, grade and pointsDeducted');
    }
    await this.recordCycleGrade.execute(manager, {
      subject: { kind: g.subject.kind, id: g.subject.id, name: g.subject.name ?? '' },
      region: g.region,
      schemeId: g.schemeId,
      cycle: g.cycle.label,
      grade: g.grade,
      pointsDeducted: g.pointsDeducted,
    });
  }
}
