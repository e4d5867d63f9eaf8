import { EntityManager } from 'typeorm';
import type { ListMembership } from '../../engine/domain/evaluate';
import type { SubjectScope } from '../../engine/domain/standing';
import { ClosedCycleGrades, ClosedCycleGradesRepository } from '../infrastructure/closed-cycle-grades.repository';
import { SubjectListsRepository } from '../infrastructure/subject-lists.repository';
import { SubjectHistory, SubjectRecordsRepository } from '../infrastructure/subject-records.repository';

export type { ClosedCycleGrades, SubjectHistory };
export { closedPreviousOf } from '../infrastructure/closed-cycle-grades.repository';

/**
 * What standing knows about subjects (their records and list memberships), read by other features
 * (cycle closes, scheme simulation) through standing's application rather than its repositories.
 */
export const SubjectFactsReader = {
  /**
   * Subjects of the given kinds and regions after `after` (subject id order), with a record
   * received by `receivedBy` and decided by `decidedBy`, each if given, or (when the scope takes
   * registered subjects, ADR 0051) listed by the registry, first heard of by `receivedBy`.
   */
  subjectsInScope(manager: EntityManager, scope: SubjectScope, after: string, limit: number, receivedBy?: Date, decidedBy?: string): Promise<string[]> {
    return SubjectRecordsRepository.subjectsInScope(manager, scope, after, limit, receivedBy, decidedBy);
  },

  /** How many subjects `subjectsInScope` pages through. */
  countInScope(manager: EntityManager, scope: SubjectScope, receivedBy?: Date, decidedBy?: string): Promise<number> {
    return SubjectRecordsRepository.countInScope(manager, scope, receivedBy, decidedBy);
  },

  /** Each subject's records, as received by `receivedBy` and decided by `decidedBy`, each if given. */
  histories(manager: EntityManager, subjectIds: readonly string[], receivedBy?: Date, decidedBy?: string): Promise<Map<string, SubjectHistory>> {
    return SubjectRecordsRepository.histories(manager, subjectIds, receivedBy, decidedBy);
  },

  /** Each subject's list memberships as known at `at`. */
  membershipsAt(manager: EntityManager, subjectIds: readonly string[], at: Date): Promise<Map<string, ListMembership[]>> {
    return SubjectListsRepository.membershipsAt(manager, subjectIds, at);
  },

  /** The grades the latest close of each (scheme, period) completed by `closedBy` gave these subjects (carry-over). */
  closedCycleGrades(
    manager: EntityManager,
    periods: readonly { schemeId: string; period: string }[],
    subjectIds: readonly string[],
    closedBy: Date,
  ): Promise<ClosedCycleGrades> {
    return ClosedCycleGradesRepository.of(manager, periods, subjectIds, closedBy);
  },
};
