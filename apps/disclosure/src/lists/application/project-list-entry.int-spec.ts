import { DataSource } from 'typeorm';
import { cloneTestDatabase, listEntryEffectiveEvent, TestDatabase } from '@platform/testing';
import { disclosureDefinition } from '../../disclosure.definition';
import { PublicationLog } from '../../publication-log/application/publication-log';
import type { ProfileChangesPort } from '../../publication-log/application/publication-log.tokens';
import { ProjectListEntryHandler } from './project-list-entry.handler';

/**
 * DOMAIN.md §5 and ADR 0065: when the listing unit revokes a repair, the entry's early removal is
 * undone — joint measures announces the same entry as `effective` again with a newer version, and
 * the public must see it listed again. An older `effective` arriving after a removal must not.
 */
describe('projecting list entries that are removed and listed again (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let lists: ProjectListEntryHandler;

  beforeAll(async () => {
    db = await cloneTestDatabase('list_relisting');
    dataSource = await db.dataSource(disclosureDefinition);
    const changes = { touch: async () => undefined } as unknown as ProfileChangesPort;
    lists = new ProjectListEntryHandler(new PublicationLog(dataSource, changes));
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const state = (entryId: string) =>
    dataSource
      .query<{ removed_on: string | null; version: number }[]>(
        `SELECT to_char(removed_on, 'YYYY-MM-DD') AS removed_on, version FROM public_list_entries WHERE entry_id = $1`,
        [entryId],
      )
      .then((rows) => rows[0]);
  const logged = (publicationSubject: string) =>
    dataSource
      .query<{ event: string }[]>(`SELECT event FROM publication_log WHERE content->'subject'->>'id' = $1 ORDER BY seq`, [publicationSubject])
      .then((rows) => rows.map((r) => r.event));

  it('lists a removed entry again when a newer effective version arrives (a revoked repair), and logs it', async () => {
    const listed = listEntryEffectiveEvent.envelope({ data: { listType: 'severe-dishonesty', version: 2 } });
    const entry = listed.data;
    await dataSource.transaction((m) => lists.effective(listed, m));
    const removed = { ...listed, data: { ...entry, status: 'removed', removal: { reason: 'repair', removedOn: entry.startsOn!, detail: '' }, version: 3 } };
    await dataSource.transaction((m) => lists.removed(removed as typeof listed, m));
    expect(await state(entry.entryId)).toEqual({ removed_on: entry.startsOn, version: 3 });

    // An older effective version (redelivered late) changes nothing.
    await dataSource.transaction((m) => lists.effective(listed, m));
    expect(await state(entry.entryId)).toEqual({ removed_on: entry.startsOn, version: 3 });

    const restored = { ...listed, data: { ...entry, version: 4 } };
    await dataSource.transaction((m) => lists.effective(restored, m));
    expect(await state(entry.entryId)).toEqual({ removed_on: null, version: 4 });
    expect(await logged(entry.subject.id)).toEqual(['listed', 'delisted', 'listed']);
  });
});
