import type { ListEntry } from '../domain/list-entry';

/** Every entry of a subject, current and past. */
export interface ListSubjectEntriesQuery {
  subjectId: string;
}

/** Newest first. */
export type SubjectEntries = ListEntry[];
