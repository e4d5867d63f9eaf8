import { SERVICE_CONFIG } from '@platform/service';
import type { JointMeasuresConfig } from '../../joint-measures.definition';
import type { SubjectFacts } from '../../measures/domain/subject-facts';
import { SubjectFactsCache } from './subject-facts-cache';

export const DECISION_FACTS_CACHE = Symbol('DECISION_FACTS_CACHE');
export type DecisionFactsCache = SubjectFactsCache<SubjectFacts>;

export const decisionFactsCacheProvider = {
  provide: DECISION_FACTS_CACHE,
  inject: [SERVICE_CONFIG],
  useFactory: (config: JointMeasuresConfig): DecisionFactsCache =>
    new SubjectFactsCache({ ttlMs: config.DECISION_CACHE_TTL_MS, maxSubjects: config.DECISION_CACHE_MAX_SUBJECTS }),
};
