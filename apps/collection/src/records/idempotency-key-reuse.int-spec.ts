import { DataSource } from 'typeorm';
import { WorkingDayCalendar } from '@domain/calendar';
import { Principal } from '@platform/auth';
import { IdempotencyErrorCode } from '@platform/database';
import { OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, creditRecordBody, TestDatabase } from '@platform/testing';
import { SubmitBatchHandler } from '../batches/application/submit-batch.handler';
import { CatalogueStore } from '../catalogue/application/catalogue-store';
import { collectionDefinition, CollectionConfig } from '../collection.definition';
import { OpenObjectionHandler } from '../objections/application/open-objection.handler';
import { IntakeOutcomes } from '../quality/infrastructure/intake-outcomes';
import { RecordUpdater } from './application/record-updater';
import { SubmitRecordHandler } from './application/submit-record.handler';
import { GroupedRecordWriter } from './infrastructure/grouped-record-writer';
import { RecordWriter } from './infrastructure/record-writer';

const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write'], region: '410100' };

/** The platform's Idempotency-Key rule for collection's writes: same key and request replays; same key, other request is 422. */
describe('Idempotency-Key reuse on collection writes (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let records: SubmitRecordHandler;
  let batches: SubmitBatchHandler;
  let objections: OpenObjectionHandler;

  beforeAll(async () => {
    db = await cloneTestDatabase('idemreuse');
    ds = await db.dataSource(collectionDefinition as never);
    const catalogues = new CatalogueStore(ds);
    await catalogues.onModuleInit();
    const outbox = new OutboxPublisher(collectionDefinition);
    records = new SubmitRecordHandler(ds, new GroupedRecordWriter(ds, new RecordWriter(outbox)), catalogues, new IntakeOutcomes(ds));
    batches = new SubmitBatchHandler(ds, { nudge: () => undefined } as never);
    const config = { OBJECTION_RESOLUTION_WORKING_DAYS: 15 } as CollectionConfig;
    objections = new OpenObjectionHandler(ds, outbox, new RecordUpdater(outbox, catalogues), new WorkingDayCalendar({ unknownYears: 'weekdays' }), config);
  });

  afterAll(async () => {
    await db.drop();
  });

  const submission = (idempotencyKey: string) => {
    const { payload, ...rest } = creditRecordBody();
    return { ...rest, payloadJson: JSON.stringify(payload), idempotencyKey };
  };

  it('replays a record submitted again with the same key and body, and refuses the key with another record', async () => {
    const first = submission('record-key-1');
    const accepted = await records.execute(zhengzhou, first);
    expect(accepted).toMatchObject({ status: 'active', replayed: false });
    await expect(records.execute(zhengzhou, { ...first })).resolves.toEqual({ id: accepted.id, status: 'active', replayed: true });
    await expect(records.execute(zhengzhou, { ...first, documentNumber: `${first.documentNumber}-other` })).rejects.toMatchObject({
      code: IdempotencyErrorCode.KeyReused,
    });
    await expect(records.execute(zhengzhou, { ...submission('record-key-1') })).rejects.toMatchObject({ code: IdempotencyErrorCode.KeyReused });
    const rows = await ds.query(`SELECT count(*)::int AS n FROM credit_records WHERE source_client_id = $1 AND idempotency_key = $2`, [
      zhengzhou.clientId,
      'record-key-1',
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('replays a batch sent again with the same key and body, and refuses the key with another body', async () => {
    const line = (n: number) => JSON.stringify({ ...creditRecordBody(), documentNumber: `批次〔2026〕${n}号` });
    const body = `${line(1)}\n${line(2)}\n`;
    const first = await batches.execute(zhengzhou, { ndjson: body, idempotencyKey: 'batch-key-1' });
    expect(first).toMatchObject({ lineCount: 2, replayed: false });
    await expect(batches.execute(zhengzhou, { ndjson: body, idempotencyKey: 'batch-key-1' })).resolves.toEqual({
      batchId: first.batchId,
      lineCount: 2,
      replayed: true,
    });
    await expect(batches.execute(zhengzhou, { ndjson: `${line(3)}\n`, idempotencyKey: 'batch-key-1' })).rejects.toMatchObject({
      code: IdempotencyErrorCode.KeyReused,
    });
  });

  it('replays an objection opened again with the same key and request, and refuses the key with another objection', async () => {
    const record = await records.execute(zhengzhou, submission(''));
    const request = {
      recordId: record.id,
      reason: '处罚决定已被撤销',
      objector: { name: '郑州测试运输有限公司', contact: '0371-00000000' },
      idempotencyKey: 'objection-key-1',
    };
    const opened = await objections.execute(zhengzhou, request);
    expect(opened.replayed).toBe(false);
    const again = await objections.execute(zhengzhou, { ...request });
    expect(again).toMatchObject({ replayed: true, objection: { id: opened.objection.id } });
    await expect(objections.execute(zhengzhou, { ...request, reason: '另一个理由' })).rejects.toMatchObject({ code: IdempotencyErrorCode.KeyReused });
  });
});
