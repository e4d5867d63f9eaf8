import type { ListWriteResult } from './list-writes';

/** The deciding unit confirms (after the notice period) or drops a proposed entry. */
export interface DecideListEntryCommand {
  entryId: string;
  /** confirm | drop */
  outcome: string;
  /** The decision document number; required to confirm. */
  documentNumber: string;
  reason: string;
  /** The client's Idempotency-Key (empty: none). */
  idempotencyKey?: string;
}

export type DecideListEntryResult = ListWriteResult;
