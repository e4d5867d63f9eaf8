import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ProjectGradeHandler } from '../application/project-grade.handler';

/** Evaluation's `evaluation.grade.changed` → enterprises' public grades (also in batches, ADR 0033). */
@Injectable()
export class EvaluationEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly projectGrade: ProjectGradeHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.EvaluationGradeChanged, 'disclosure-evaluation-grade-changed', {
      one: (event, manager) => this.projectGrade.handle(event, manager),
      many: (events, manager) => this.projectGrade.handleBatch(events, manager),
    });
  }
}
