import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationCycleGradeRecordedV1, EvaluationGradeWithdrawnV1, EventEnvelope, Events } from '@contracts';
import { isSubjectKind } from '@domain/credit';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { RecordCycleGradeHandler } from '../application/record-cycle-grade.handler';
import { WithdrawGradeHandler } from '../application/withdraw-grade.handler';

/**
 * Closed-cycle grades from evaluation (`evaluation.cycle-grades.recorded`, one per subject per
 * closed cycle, published whether or not the grade moved) feed the grade-history rules;
 * `evaluation.grade.withdrawn` (the scheme no longer grades the subject) removes them (ADR 0046).
 */
@Injectable()
export class GradeEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly recordCycleGrade: RecordCycleGradeHandler,
    private readonly withdrawGrade: WithdrawGradeHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.EvaluationCycleGradeRecorded, 'joint-measures-cycle-grades', { one: (event, manager) => this.recorded(event, manager) });
    this.consumers.consume(Events.EvaluationGradeWithdrawn, 'joint-measures-grade-withdrawn', { one: (event, manager) => this.withdrawn(event, manager) });
  }

  async withdrawn(event: EventEnvelope<EvaluationGradeWithdrawnV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.EvaluationGradeWithdrawn.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const w = event.data;
    if (!w?.subject?.id || !w.schemeId || !w.reason || !Number.isFinite(Date.parse(w.withdrawnAt))) {
      throw new PoisonMessageError('a grade withdrawal needs subject.id, schemeId, reason and withdrawnAt');
    }
    await this.withdrawGrade.execute(manager, { subjectId: w.subject.id, schemeId: w.schemeId, withdrawnAt: w.withdrawnAt, reason: w.reason });
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
      recordedAt: g.recordedAt,
    });
  }
}
