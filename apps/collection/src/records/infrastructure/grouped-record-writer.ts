import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupCommit } from '@platform/database';
import type { ValidSubmission } from '../domain/record-submission';
import type { ClientSubmission } from '../application/records.tokens';
import { RecordWriter } from './record-writer';

/** Submissions written in one statement at most. */
const MAX_GROUP = 200;

/**
 * Group commit for single submissions (ADR 0034): the records submitted while one write is in
 * flight are written together in the next one — one statement (RecordWriter: records, versions
 * and events) committed on its own, so one round trip and one WAL flush for the group. Each
 * caller is answered only after its record and its event are committed — the same guarantee as a
 * transaction per record. With one submission at a time nothing waits: the group is that one
 * record. The items of one coalesced gateway call (ADR 0038) arrive in one synchronous run and go
 * in one write.
 *
 * Conflicts within a group behave as in sequence: the unique keys skip the later of two rows
 * (same document and subject, or same source id / Idempotency-Key) and its caller looks for a
 * replay or reports the duplicate. If a group's statement fails, its records are written one by
 * one, so one failing record cannot fail the others.
 */
@Injectable()
export class GroupedRecordWriter {
  private readonly groups: GroupCommit<ClientSubmission, string | undefined>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: RecordWriter,
  ) {
    this.groups = new GroupCommit((group) => this.writeGroup(group), { maxGroup: MAX_GROUP, retryAlone: true });
  }

  /** Resolves with the new record's id once committed, or `undefined` when a unique key skipped it. */
  write(clientId: string, submission: ValidSubmission): Promise<string | undefined> {
    return this.groups.submit({ clientId, submission });
  }

  /** Each submission's record id, or `undefined` where it was skipped. */
  private async writeGroup(group: ClientSubmission[]): Promise<(string | undefined)[]> {
    const ids: (string | undefined)[] = new Array(group.length).fill(undefined);
    for (const { index, id } of await this.writer.writeEach(this.dataSource.manager, group)) ids[index] = id;
    return ids;
  }
}
