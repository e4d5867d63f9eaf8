import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ProjectGradeHandler } from '../application/project-grade.handler';
import { WithdrawGradeHandler } from '../application/withdraw-grade.handler';

/**
 * Evaluation's `evaluation.grade.changed` → enterprises' public grades, and
 * `evaluation.grade.withdrawn` → the grade leaves the profile (ADR 0046); both also in batches (ADR 0033).
 */
@Injectable()
export class EvaluationEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly projectGrade: ProjectGradeHandler,
    private readonly withdrawGrade: WithdrawGradeHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.EvaluationGradeChanged, 'disclosure-evaluation-grade-changed', {
      one: (event, manager) => this.projectGrade.handle(event, manager),
      many: (events, manager) => this.projectGrade.handleBatch(events, manager),
    });
    this.consumers.consume(Events.EvaluationGradeWithdrawn, 'disclosure-evaluation-grade-withdrawn', {
      one: (event, manager) => this.withdrawGrade.handle(event, manager),
      many: (events, manager) => this.withdrawGrade.handleBatch(events, manager),
    });
  }
}
