import type { EntityManager } from 'typeorm';
import { GradeAppealsRepository } from '../infrastructure/grade-appeals.repository';
import { gradeAppealView, GradeAppealView } from './grade-appeal.view';

/**
 * What standings read of appeals (ADR 0054), through this feature's application layer: the records
 * upheld appeals disregard, and the latest appeal per scheme to mark a grade under appeal.
 */
export const AppealFacts = {
  /** Subject id → scheme id → record ids disregarded by appeals upheld by `at`. */
  disregardedRecords(manager: EntityManager, subjectIds: readonly string[], at: Date): Promise<Map<string, Map<string, Set<string>>>> {
    return GradeAppealsRepository.disregardedRecords(manager, subjectIds, at);
  },

  /** Scheme id → the subject's latest appeal under it. */
  async latestBySchemeOf(manager: EntityManager, subjectId: string): Promise<Map<string, GradeAppealView>> {
    const rows = await GradeAppealsRepository.latestBySchemeOf(manager, subjectId);
    return new Map([...rows].map(([schemeId, row]) => [schemeId, gradeAppealView(row)]));
  },
};
