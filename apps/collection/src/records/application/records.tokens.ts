import type { EntityManager } from 'typeorm';
import type { ValidSubmission } from '../domain/record-submission';

export interface WrittenRecord {
  /** Index into the submissions given. */
  index: number;
  id: string;
}

/** A submission with the client that sent it. */
export interface ClientSubmission {
  clientId: string;
  submission: ValidSubmission;
}

/**
 * Writes new records with their first versions and `credit.records.created` events, skipping
 * (not failing) those a unique key refuses. Exported by RecordsModule for the other intake paths
 * (batches, the monitoring feed, the commitments job).
 */
export interface RecordWriterPort {
  /** One client's submissions, inside the caller's transaction (or on their own with `dataSource.manager`). */
  write(manager: EntityManager, clientId: string, submissions: readonly ValidSubmission[], receivedAt?: Date): Promise<WrittenRecord[]>;
  /** Submissions of any clients. */
  writeEach(manager: EntityManager, items: readonly ClientSubmission[], receivedAt?: Date): Promise<WrittenRecord[]>;
}

/** Injection token of the RecordWriterPort. */
export const RecordWriterPort = Symbol('RecordWriterPort');
