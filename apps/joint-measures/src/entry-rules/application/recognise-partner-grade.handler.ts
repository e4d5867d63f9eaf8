import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import type { RecognisedGrade } from '../../measures/domain/recognised-grades';
import { recognisedPartnerGrades, type PartnerGradeVersion } from '../infrastructure/recognised-partner-grades.repository';

/**
 * A partner's grade evaluation recognised on our ladder (`evaluation.partner-grades.recognised`)
 * becomes a fact of the subject's decisions, apart from our grades; one no longer recognised
 * (`evaluation.partner-grades.unrecognised`: withdrawn by the partner, not applied any more) stops
 * being one (ADR 0090). Each only over an older partner version. The subject is held out of this
 * replica's decision cache while written; the table's trigger drops it everywhere after the commit.
 */
@Injectable()
export class RecognisePartnerGradeHandler {
  constructor(@Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache) {}

  async recognise(manager: EntityManager, key: PartnerGradeVersion, grade: RecognisedGrade, at: Date): Promise<void> {
    this.cache.hold(key.subjectId);
    await recognisedPartnerGrades.recognise(manager, key, grade, at);
  }

  async unrecognise(manager: EntityManager, key: PartnerGradeVersion, reason: string, at: Date): Promise<void> {
    this.cache.hold(key.subjectId);
    await recognisedPartnerGrades.unrecognise(manager, key, reason, at);
  }
}
