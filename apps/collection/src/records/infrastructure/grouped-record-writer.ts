import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from '@platform/database';
import type { ValidSubmission } from '../domain/record-submission';
import { RecordWriter } from './record-writer';

interface Submission {
  clientId: string;
  submission: ValidSubmission;
}

/** Submissions written in one transaction at most. */
const MAX_GROUP = 200;

/**
 * Group commit for single submissions (ADR 0034): the records submitted while one write is in
 * flight are written together in the next transaction (RecordWriter's multi-row statements, one
 * commit). Each caller is answered only after its record and its event are committed — the same
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
  private readonly groups: GroupCommit<Submission, string | undefined>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: RecordWriter,
  ) {
    this.groups = new GroupCommit((group) => this.dataSource.transaction((manager) => this.writeGroup(manager, group)), { maxGroup: MAX_GROUP, retryAlone: true });
  }

  /** Resolves with the new record's id once committed, or `undefined` when a unique key skipped it. */
  write(clientId: string, submission: ValidSubmission): Promise<string | undefined> {
    return this.groups.submit({ clientId, submission });
  }

  /** One RecordWriter call per client (its id is one parameter); returns each submission's record id. */
  private async writeGroup(manager: EntityManager, group: Submission[]): Promise<(string | undefined)[]> {
    const ids: (string | undefined)[] = new Array(group.length).fill(undefined);
    const receivedAt = new Date();
    for (const clientId of new Set(group.map((p) => p.clientId))) {
      const positions = group.flatMap((p, i) => (p.clientId === clientId ? [i] : []));
      const written = await this.writer.write(manager, clientId, positions.map((i) => group[i].submission), receivedAt);
      for (const { index, id } of written) ids[positions[index]] = id;
    }
    return ids;
  }
}
