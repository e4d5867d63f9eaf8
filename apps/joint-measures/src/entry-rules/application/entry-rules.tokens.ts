import type { EntityManager } from 'typeorm';
import type { RecordFacts } from '../domain/record-facts';
import { subjectFacts } from '../infrastructure/subject-facts.repository';

/**
 * The credit records joint measures keeps (copied from collection's events), as other features may
 * read them: lists check that a proposed entry's subject is known and its basis records count.
 */
export interface SubjectRecords {
  /** Whether any record about the subject has been collected. */
  knowsSubject(manager: EntityManager, subjectId: string): Promise<boolean>;
  record(manager: EntityManager, recordId: string): Promise<RecordFacts | undefined>;
}

export const SUBJECT_RECORDS = Symbol('SUBJECT_RECORDS');

export const subjectRecordsProvider = {
  provide: SUBJECT_RECORDS,
  useValue: {
    knowsSubject: (manager, subjectId) => subjectFacts.knowsSubject(manager, subjectId),
    record: (manager, recordId) => subjectFacts.record(manager, recordId),
  } satisfies SubjectRecords,
};
