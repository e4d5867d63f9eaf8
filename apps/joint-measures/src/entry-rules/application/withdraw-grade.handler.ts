import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { subjectFacts } from '../infrastructure/subject-facts.repository';
import type { WithdrawGradeCommand } from './withdraw-grade.command';

/**
 * Evaluation no longer grades the subject under a scheme (`evaluation.grade.withdrawn`, ADR 0046:
 * e.g. the registry moved a carrier out of the scheme's sectors): its grades under the scheme stop
 * being facts, so decisions stop citing them, draw pools stop counting them and grade-history
 * rules stop counting them. List entries already proposed from them stay with the people who
 * decide on entries (a withdrawal says the scheme does not apply now, not that a past entry was wrong).
 */
@Injectable()
export class WithdrawGradeHandler {
  constructor(@Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache) {}

  async execute(manager: EntityManager, command: WithdrawGradeCommand): Promise<void> {
    this.cache.hold(command.subjectId);
    await subjectFacts.withdrawGrades(manager, command.subjectId, command.schemeId, new Date(command.withdrawnAt), command.reason);
  }
}
