import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { subjectFacts } from '../infrastructure/subject-facts.repository';
import { EntryRuleEngine } from './entry-rule-engine';
import type { RecordCycleGradeCommand } from './record-cycle-grade.command';

/**
 * Closed-cycle grades feed the grade-history rules: Nanyang's two consecutive B cycles or 20
 * points deducted in one cycle propose a bad-driver entry. A grade recorded before evaluation
 * withdrew the subject's grade under that scheme (delivered late: a separate consumer) is not a
 * fact any more and is dropped (ADR 0046).
 */
@Injectable()
export class RecordCycleGradeHandler {
  constructor(
    private readonly engine: EntryRuleEngine,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(manager: EntityManager, command: RecordCycleGradeCommand): Promise<void> {
    const { subject } = command;
    const recordedAt = command.recordedAt ? new Date(command.recordedAt) : new Date();
    if (await subjectFacts.gradeWithdrawnSince(manager, subject.id, command.schemeId, recordedAt)) return;
    this.cache.hold(subject.id);
    const name = subject.name || (await subjectFacts.nameOf(manager, subject.id));
    await this.engine.onCycleGrade(
      manager,
      { kind: subject.kind, id: subject.id, name, region: command.region },
      { schemeId: command.schemeId, cycle: command.cycle, grade: command.grade, pointsDeducted: command.pointsDeducted },
      chinaDateOf(new Date()),
      recordedAt,
    );
  }
}
