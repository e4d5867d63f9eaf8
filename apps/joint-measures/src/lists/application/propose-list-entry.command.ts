import type { ListWriteResult } from './list-writes';

/** A unit proposes an entry resting on records it can name; the notice period opens. */
export interface ProposeListEntryCommand {
  listType: string;
  subjectId: string;
  /** Records (platform ids) about the subject that the entry rests on. */
  basisRecordIds: string[];
  grounds: string;
  /** 0: the list's configured default. */
  durationMonths: number;
  /** The client's Idempotency-Key (empty: none). */
  idempotencyKey?: string;
}

export type ProposeListEntryResult = ListWriteResult;
