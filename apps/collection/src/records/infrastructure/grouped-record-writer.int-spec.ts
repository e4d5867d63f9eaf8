import { DataSource } from 'typeorm';
import { cloneTestDatabase, creditRecordBody, TestDatabase } from '@platform/testing';
import { OutboxPublisher } from '@platform/service';
import { CatalogueStore } from '../../catalogue/application/catalogue-store';
import { collectionDefinition } from '../../collection.definition';
import { parseBatchLine } from '../../batches/domain/ndjson-batch';
import { validateSubmission, ValidSubmission } from '../domain/record-submission';
import { RecordWriter } from './record-writer';
import { GroupedRecordWriter } from './grouped-record-writer';

/** Single submissions arriving together share a transaction, and still each get their own answer. */
describe('group commit of single submissions (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let catalogues: CatalogueStore;
  let grouped: GroupedRecordWriter;

  beforeAll(async () => {
    db = await cloneTestDatabase('grouped');
    ds = await db.dataSource(collectionDefinition as never);
    catalogues = new CatalogueStore(ds);
    await catalogues.onModuleInit();
    grouped = new GroupedRecordWriter(ds, new RecordWriter(new OutboxPublisher(collectionDefinition)));
  });

  afterAll(async () => {
    await db.drop();
  });

  function submission(overrides: Record<string, unknown> = {}): ValidSubmission {
    const parsed = parseBatchLine(JSON.stringify({ ...creditRecordBody(), ...overrides }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.violations));
    return validateSubmission(parsed.raw, catalogues.current());
  }

  const transactionsOf = async (ids: string[]) =>
    Number((await ds.query(`SELECT count(DISTINCT xmin::text) AS n FROM credit_records WHERE id = ANY($1::uuid[])`, [ids]))[0].n);

  it('writes concurrent submissions in fewer commits than records, each with its version and its event', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => grouped.write('zhengzhou', submission())));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(await transactionsOf(ids as string[])).toBeLessThan(20);
    const [{ versions }] = await ds.query(`SELECT count(*)::int AS versions FROM credit_record_versions WHERE record_id = ANY($1::uuid[])`, [ids]);
    const [{ events }] = await ds.query(`SELECT count(*)::int AS events FROM outbox WHERE envelope->'data'->>'recordId' = ANY($1::text[])`, [ids]);
    expect({ versions, events }).toEqual({ versions: 20, events: 20 });
  });

  it('keeps the first of two conflicting submissions in one group and skips the second, as in sequence', async () => {
    const first = submission({ sourceRecordId: 'same-source-id' });
    const second = submission({ sourceRecordId: 'same-source-id' });
    const [a, b] = await Promise.all([grouped.write('zhengzhou', first), grouped.write('zhengzhou', second)]);
    expect(typeof a).toBe('string');
    expect(b).toBeUndefined();
    expect(await ds.query(`SELECT id FROM credit_records WHERE source_record_id = 'same-source-id'`)).toEqual([{ id: a }]);
    // The skipped row's event is skipped with it (one statement: rows, versions, events).
    const events = await ds.query(`SELECT envelope->'data'->>'documentNumber' AS doc FROM outbox WHERE envelope->'data'->>'documentNumber' = ANY($1::text[])`, [
      [first.documentNumber, second.documentNumber],
    ]);
    expect(events).toEqual([{ doc: first.documentNumber }]);
  });

  it('answers each client for its own records when clients share a group', async () => {
    const [a, b] = await Promise.all([grouped.write('zhengzhou', submission()), grouped.write('luoyang', submission())]);
    const rows = await ds.query(`SELECT id, source_client_id FROM credit_records WHERE id = ANY($1::uuid[]) ORDER BY source_client_id`, [[a, b]]);
    expect(rows).toEqual([
      { id: b, source_client_id: 'luoyang' },
      { id: a, source_client_id: 'zhengzhou' },
    ]);
  });

  it('fails only the record that cannot be written when its group fails; the others are written one by one', async () => {
    // PostgreSQL refuses a NUL character in text, which fails the whole multi-row statement.
    const bad = { ...submission(), documentNumber: 'bad\u0000number' };
    const results = await Promise.allSettled([
      grouped.write('zhengzhou', submission()),
      grouped.write('zhengzhou', bad),
      grouped.write('zhengzhou', submission()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const written = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(await ds.query(`SELECT count(*)::int AS n FROM credit_records WHERE id = ANY($1::uuid[])`, [written])).toEqual([{ n: 2 }]);
  });
});
