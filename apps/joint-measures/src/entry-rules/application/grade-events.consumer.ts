import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EvaluationCycleGradeRecordedV1, EventEnvelope, Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { isSubjectKind } from '@domain/credit';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { subjectFacts } from '../infrastructure/subject-facts.repository';
import { EntryRuleEngine } from './entry-rule-engine';

/**
 * Closed-cycle grades from evaluation (`evaluation.cycle-grades.recorded`, one per subject per
 * closed cycle, published whether or not the grade moved) feed the grade-history rules: Nanyang's
 * two consecutive B cycles or 20 points deducted in one cycle propose a bad-driver entry.
 */
@Injectable()
export class GradeEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly engine: EntryRuleEngine,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  onModuleInit(): void {
    const definition = Events.EvaluationCycleGradeRecorded;
    this.consumers.register({ stream: definition.stream, durable: 'joint-measures-cycle-grades', filterSubject: definition.subject }, (event, manager) => {
      if (event.version !== definition.version) throw new PoisonMessageError(`unsupported version ${event.version} of ${definition.subject}`);
      return this.recorded(event as EventEnvelope<EvaluationCycleGradeRecordedV1>, manager);
    });
  }

  async recorded(event: EventEnvelope<EvaluationCycleGradeRecordedV1>, manager: EntityManager): Promise<void> {
    const g = event.data;
    if (!g?.subject || !isSubjectKind(g.subject.kind) || !g.subject.id || !g.schemeId || !g.cycle?.label || typeof g.grade !== 'string' || !Number.isFinite(g.pointsDeducted)) {
      throw new PoisonMessageError('a cycle grade needs subject.kind, subject.id, schemeId, cycle.label, grade and pointsDeducted');
    }
    this.cache.hold(g.subject.id);
    const name = g.subject.name || (await subjectFacts.nameOf(manager, g.subject.id));
    await this.engine.onCycleGrade(
      manager,
      { kind: g.subject.kind, id: g.subject.id, name, region: g.region },
      { schemeId: g.schemeId, cycle: g.cycle.label, grade: g.grade, pointsDeducted: g.pointsDeducted },
      chinaDateOf(new Date()),
    );
  }
}
