import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ValidSubmission } from '../domain/record-submission';
import { RecordWriter } from './record-writer';

interface Pending {
  clientId: string;
  submission: ValidSubmission;
  resolve: (recordId: string | undefined) => void;
  reject: (error: unknown) => void;
}

/** Submissions written in one transaction at most. */
const MAX_GROUP = 200;

/**
 * Group commit for single submissions (ADR 0034): the records submitted while one write is in flight are
 * written together in the next transaction (RecordWriter's multi-row statements, one commit).
 * Each caller is answered only after its record and its event are committed — the same
 * guarantee as a transaction per record — but under concurrent load a record costs a fraction
 * of a round trip to PostgreSQL instead of four (BEGIN, two statements, COMMIT), and on this VM
 * round trips are most of collection's CPU (docs/perf.md). With one submission at a time nothing
 * waits: the group is that one record.
 *
 * Conflicts within a group behave as in sequence: the unique keys skip the later of two rows
 * (same document and subject, or same source id / Idempotency-Key) and its caller looks for a
 * replay or reports the duplicate. If a group's transaction fails, its records are written one
 * by one, so one failing record cannot fail the others.
 */
@Injectable()
export class GroupedRecordWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: RecordWriter,
  ) {}

  /** Resolves with the new record's id once committed, or `undefined` when a unique key skipped it. */
  write(clientId: string, submission: ValidSubmission): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ clientId, submission, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        try {
          const ids = await this.dataSource.transaction((manager) => this.writeGroup(manager, group));
          group.forEach((pending, i) => pending.resolve(ids[i]));
        } catch (error) {
          if (group.length === 1) group[0].reject(error);
          else for (const pending of group) await this.writeAlone(pending);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** One RecordWriter call per client (its id is one parameter); returns each pending's record id. */
  private async writeGroup(manager: Parameters<RecordWriter['write']>[0], group: Pending[]): Promise<(string | undefined)[]> {
    const ids: (string | undefined)[] = new Array(group.length).fill(undefined);
    const receivedAt = new Date();
    for (const clientId of new Set(group.map((p) => p.clientId))) {
      const positions = group.flatMap((p, i) => (p.clientId === clientId ? [i] : []));
      const written = await this.writer.write(manager, clientId, positions.map((i) => group[i].submission), receivedAt);
      for (const { index, id } of written) ids[positions[index]] = id;
    }
    return ids;
  }

  private async writeAlone(pending: Pending): Promise<void> {
    try {
      const [written] = await this.dataSource.transaction((manager) => this.writer.write(manager, pending.clientId, [pending.submission]));
      pending.resolve(written?.id);
    } catch (error) {
      pending.reject(error);
    }
  }
}
