import { DataSource } from 'typeorm';
import { Principal } from '@platform/auth';
import { OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, creditRecordBody, daysAgo, makeUscc, TestDatabase } from '@platform/testing';
import type { collectionV1 } from '@contracts';
import { CatalogueStore } from '../catalogue/application/catalogue-store';
import { collectionDefinition } from '../collection.definition';
import { IntakeOutcomes } from '../quality/infrastructure/intake-outcomes';
import { PartnerFeedRecords } from './application/partner-feed-records';
import { RecordUpdater } from './application/record-updater';
import { RevokeRecordHandler } from './application/revoke-record.handler';
import { SubmitRecordHandler } from './application/submit-record.handler';
import { GroupedRecordWriter } from './infrastructure/grouped-record-writer';
import { RecordWriter } from './infrastructure/record-writer';

// Hubei's collection; Henan (410000) is the partner, its puller's principal as the gateway sends it.
const henanFeed: Principal = { clientId: 'partner-feed:410000', kind: 'partner', region: '410000', scopes: ['exchange:read', 'exchange:write'] };
const henanPusher: Principal = { clientId: 'henan-partner', kind: 'partner', region: '410000', scopes: ['exchange:write'] };
const jiangsu: Principal = { clientId: 'partner-feed:320000', kind: 'partner', region: '320000', scopes: ['exchange:read', 'exchange:write'] };

/** A partner's records from its change feed, held, updated and withdrawn in collection (ADR 0086). */
describe('partner feed records (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let feedRecords: PartnerFeedRecords;
  let submissions: SubmitRecordHandler;

  beforeAll(async () => {
    db = await cloneTestDatabase('partnerfeed');
    ds = await db.dataSource(collectionDefinition as never);
    const catalogues = new CatalogueStore(ds);
    await catalogues.onModuleInit();
    const outbox = new OutboxPublisher(collectionDefinition);
    const writer = new RecordWriter(outbox);
    feedRecords = new PartnerFeedRecords(ds, writer, catalogues, new RecordUpdater(outbox, catalogues), new RevokeRecordHandler(ds, outbox));
    submissions = new SubmitRecordHandler(ds, new GroupedRecordWriter(ds, writer), catalogues, new IntakeOutcomes(ds));
  });

  afterAll(async () => {
    await db.drop();
  });

  /** A Zhengzhou penalty about a Hubei carrier as Henan's feed publishes it: public facts, summary, publication version. */
  const inForce = (reference: string, version: number, extra: Partial<collectionV1.SubmitRecordRequest> = {}): collectionV1.HoldPartnerRecordRequest => {
    const body = creditRecordBody({ subject: { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' }, decisionDate: daysAgo(30) });
    return {
      record: {
        recordType: body.recordType,
        subject: body.subject,
        region: body.region,
        severity: body.severity,
        decisionDate: body.decisionDate,
        documentNumber: body.documentNumber,
        sourceRecordId: '',
        idempotencyKey: '',
        payloadJson: '',
        partner: { region: '410000', sourceReference: reference, agreement: 'henan-demo' },
        ...extra,
      },
      summary: '未按许可路线行驶',
      sourceVersion: version,
    };
  };
  const withdrawn = (reference: string, version: number, reason: string): collectionV1.WithdrawPartnerRecordRequest => ({
    partnerRegion: '410000',
    sourceReference: reference,
    reason,
    sourceVersion: version,
  });
  const row = async (id: string) =>
    (
      await ds.query(`SELECT status, version, payload, public_summary, partner_version, partner_region, partner_reference FROM credit_records WHERE id = $1`, [
        id,
      ])
    )[0];
  const events = async (id: string): Promise<Record<string, unknown>[]> => {
    const rows: { type: string; data: Record<string, unknown> }[] = await ds.query(
      `SELECT envelope->>'type' AS type, envelope->'data' AS data FROM outbox WHERE envelope->'data'->>'recordId' = $1 ORDER BY seq`,
      [id],
    );
    return rows.map((e) => ({ type: e.type, ...e.data }));
  };
  const history = async (id: string) =>
    ds.query(`SELECT version, status, change, reason, changed_by AS "changedBy" FROM credit_record_versions WHERE record_id = $1 ORDER BY version`, [id]);

  it('holds a record as the partner’s, public facts and summary only, announced with its provenance; the same change again changes nothing', async () => {
    const change = inForce('henan-r1', 1);
    const held = await feedRecords.hold(henanFeed, change);
    expect(held).toMatchObject({ outcome: 'held', status: 'active' });
    expect(await row(held.id)).toEqual({
      status: 'active',
      version: 1,
      payload: {},
      public_summary: '未按许可路线行驶',
      partner_version: 1,
      partner_region: '410000',
      partner_reference: 'henan-r1',
    });
    const [created] = await events(held.id);
    expect(created).toMatchObject({
      type: 'credit.records.created',
      summary: '未按许可路线行驶',
      isPublic: true,
      partner: { region: '410000', sourceReference: 'henan-r1', agreement: 'henan-demo' },
    });
    await expect(feedRecords.hold(henanFeed, change)).resolves.toEqual({ id: held.id, outcome: 'unchanged', status: 'active', detail: '' });
    expect(await events(held.id)).toHaveLength(1);
  });

  it('a newer version corrected at the source corrects it; an older one after it changes nothing', async () => {
    const first = inForce('henan-r2', 1);
    const held = await feedRecords.hold(henanFeed, first);
    const corrected = { ...first, record: { ...first.record!, severity: 'severe' }, sourceVersion: 3 };
    await expect(feedRecords.hold(henanFeed, corrected)).resolves.toMatchObject({ id: held.id, outcome: 'updated', status: 'corrected' });
    await expect(feedRecords.hold(henanFeed, { ...first, sourceVersion: 2 })).resolves.toMatchObject({ outcome: 'unchanged', status: 'corrected' });
    expect(await row(held.id)).toMatchObject({ status: 'corrected', version: 2, partner_version: 3 });
    expect((await events(held.id)).map((e) => [e.type, e.change, e.severity])).toEqual([
      ['credit.records.created', undefined, 'general'],
      ['credit.records.updated', 'corrected', 'severe'],
    ]);
  });

  it('repaired at the source: repaired here with the source reason; in force again there (repair revoked): restored', async () => {
    const first = inForce('henan-r3', 1);
    const held = await feedRecords.hold(henanFeed, first);
    await expect(feedRecords.withdraw(henanFeed, withdrawn('henan-r3', 2, 'repair'))).resolves.toEqual({
      id: held.id,
      outcome: 'withdrawn',
      status: 'repaired',
    });
    await expect(feedRecords.withdraw(henanFeed, withdrawn('henan-r3', 2, 'repair'))).resolves.toMatchObject({ outcome: 'unchanged' });
    await expect(feedRecords.hold(henanFeed, { ...first, sourceVersion: 3 })).resolves.toMatchObject({ outcome: 'restored', status: 'active' });
    expect(await history(held.id)).toEqual([
      { version: 1, status: 'active', change: 'created', reason: '', changedBy: henanFeed.clientId },
      { version: 2, status: 'repaired', change: 'repaired', reason: 'withdrawn at the source: repair', changedBy: henanFeed.clientId },
      { version: 3, status: 'active', change: 'repair-revoked', reason: 'in force again at the source', changedBy: henanFeed.clientId },
    ]);
    expect((await events(held.id)).map((e) => [e.type, e.change ?? '', e.status ?? ''])).toEqual([
      ['credit.records.created', '', ''],
      ['credit.records.updated', 'repaired', 'repaired'],
      ['credit.records.updated', 'repair-revoked', 'active'],
    ]);
  });

  it('revoked at the source: revoked here with the source reason; in force again there is not restored, for review', async () => {
    const first = inForce('henan-r4', 1);
    const held = await feedRecords.hold(henanFeed, first);
    await feedRecords.withdraw(henanFeed, withdrawn('henan-r4', 2, 'revoked: 处罚决定已被依法撤销'));
    const [, revoked] = await events(held.id);
    expect(revoked).toMatchObject({ type: 'credit.records.revoked', reason: 'withdrawn at the source: revoked: 处罚决定已被依法撤销' });
    const again = await feedRecords.hold(henanFeed, { ...first, sourceVersion: 3 });
    expect(again).toMatchObject({ outcome: 'not-restored', status: 'revoked' });
    expect(again.detail).toContain('review');
  });

  it('a withdrawal of a reference never held, or of another partner’s record, needs nothing', async () => {
    await expect(feedRecords.withdraw(henanFeed, withdrawn('never-held', 1, 'repair'))).resolves.toEqual({ id: '', outcome: 'unknown', status: '' });
    const held = await feedRecords.hold(henanFeed, inForce('henan-r5', 1));
    await expect(feedRecords.withdraw(jiangsu, withdrawn('henan-r5', 2, 'repair'))).resolves.toMatchObject({ outcome: 'unknown' });
    expect(await row(held.id)).toMatchObject({ status: 'active' });
  });

  it('a partner holds records for its own region only, and never with a payload', async () => {
    await expect(feedRecords.hold(jiangsu, inForce('henan-r6', 1))).rejects.toMatchObject({ code: 'EXCHANGE.PROVINCE_NOT_SENDER' });
    await expect(feedRecords.hold(henanFeed, inForce('henan-r6', 1, { payloadJson: '{"facts":"x"}' }))).rejects.toMatchObject({ code: 'RECORD.INVALID' });
  });

  it('one record per partner and reference, pushed or pulled: a push of a record held from the feed answers it; the feed then finds the pushed one', async () => {
    const change = inForce('henan-r7', 1);
    const held = await feedRecords.hold(henanFeed, change);
    const { payload } = creditRecordBody();
    const push = { ...change.record!, payloadJson: JSON.stringify(payload) };
    await expect(submissions.execute(henanPusher, push)).resolves.toEqual({ id: held.id, status: 'active', replayed: true });

    const pushedFirst = inForce('henan-r8', 1);
    const pushed = await submissions.execute(henanPusher, { ...pushedFirst.record!, payloadJson: JSON.stringify(payload) });
    await expect(feedRecords.hold(henanFeed, pushedFirst)).resolves.toMatchObject({ id: pushed.id, outcome: 'unchanged' });
    await feedRecords.withdraw(henanFeed, withdrawn('henan-r8', 2, 'repair'));
    // The pushed record keeps its payload; it has no public summary (its facts are in the payload).
    expect(await row(pushed.id)).toMatchObject({ status: 'repaired', payload, public_summary: null, partner_version: 2 });
    const rows = await ds.query(`SELECT count(*)::int AS n FROM credit_records WHERE partner_reference IN ('henan-r7', 'henan-r8')`);
    expect(rows).toEqual([{ n: 2 }]);
  });
});
