import { DataSource } from 'typeorm';
import { EventEnvelope, Events, RegistryDriverChangedV1, RegistryEnterpriseChangedV1, RegistryVehicleChangedV1 } from '@contracts';
import { InboxConsumer, OutboxRelay } from '@platform/messaging';
import { OutboxPublisher } from '@platform/service';
import { Principal } from '@platform/auth';
import {
  chinaToday,
  cloneTestDatabase,
  creditRecordBody,
  daysAgo,
  daysAhead,
  eventually,
  isolatedMessaging,
  makeUscc,
  TestDatabase,
  TestMessaging,
} from '@platform/testing';
import { CatalogueStore } from '../catalogue/application/catalogue-store';
import { collectionDefinition } from '../collection.definition';
import { parseBatchLine } from '../batches/domain/ndjson-batch';
import { validateSubmission } from '../records/domain/record-submission';
import { RecordWriter } from '../records/infrastructure/record-writer';
import { ApplyLicenceRecordHandler } from './application/apply-licence-record.handler';
import { GetRegistrationHandler } from './application/get-registration.handler';
import { ImportRegistrationsHandler } from './application/import-registrations.handler';
import { ListCarrierSubjectsHandler } from './application/list-carrier-subjects.handler';
import { PutRegistrationHandler } from './application/put-registration.handler';
import { RegistryWriter } from './application/registry-writer';
import { RefreshSectorsJob } from './application/refresh-sectors.job';
import { factsOf, REGISTRY_LICENCE_REVOCATIONS_DURABLE, REGISTRY_LICENCES_DURABLE } from './interface/licence-records.consumer';
import { RevokeRecordHandler } from '../records/application/revoke-record.handler';

const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };
const henan: Principal = { clientId: 'henan', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410000' };

/** GB 11643-1999's worked example (check character X): a valid citizen ID no real driver is known by. */
const DRIVER_ID = '11010519491231002X';

describe('subject registry (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let messaging: TestMessaging;
  let relay: OutboxRelay;
  let put: PutRegistrationHandler;
  let get: GetRegistrationHandler;
  let list: ListCarrierSubjectsHandler;
  let imports: ImportRegistrationsHandler;
  let writer: RegistryWriter;
  const consumers: InboxConsumer[] = [];

  beforeAll(async () => {
    db = await cloneTestDatabase('registry');
    ds = await db.dataSource(collectionDefinition as never);
    messaging = await isolatedMessaging();
    relay = new OutboxRelay(messaging.js, messaging.ns, { schema: 'collection', databaseUrl: db.urlFor('collection'), pollIntervalMs: 100 });
    await relay.start();
    writer = new RegistryWriter(new OutboxPublisher(collectionDefinition));
    put = new PutRegistrationHandler(ds, writer);
    get = new GetRegistrationHandler(ds);
    list = new ListCarrierSubjectsHandler(ds);
    imports = new ImportRegistrationsHandler(put);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await relay.stop();
    await messaging.cleanup();
    await db.drop();
  });

  /** Every event published on `subject` about `subjectId`, in stream order. */
  async function published<T>(subject: string, subjectId: string): Promise<EventEnvelope<T>[]> {
    const stream = messaging.ns.stream('CREDIT_RECORDS');
    const info = await messaging.jsm.streams.info(stream);
    const out: EventEnvelope<T>[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await messaging.jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
      if (m && m.subject === messaging.ns.subject(subject)) {
        const envelope = m.json<EventEnvelope<T>>();
        if (envelope.subjectId === subjectId) out.push(envelope);
      }
    }
    return out;
  }

  /** Waits until the outbox has nothing left to publish, then reads the stream. */
  async function settled<T>(subject: string, subjectId: string): Promise<EventEnvelope<T>[]> {
    await eventually(
      () => ds.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
      (rows) => rows[0].n === 0,
    );
    return published<T>(subject, subjectId);
  }

  it('announces a new enterprise once with revision 1, nothing for the same PUT again, revision 2 for a change', async () => {
    const uscc = makeUscc('410100');
    const body = {
      name: '郑州registry测试运输有限公司',
      licences: [
        { number: '豫交运管许可郑字410100100号', businessScope: '道路普通货物运输、道路危险货物运输', validFrom: '2024-01-01', validUntil: '2099-12-31' },
      ],
      registeredOn: '2015-06-01',
      credit: { registered: true, committed: true, selfAssessed: false },
    };
    const first = await put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body });
    const again = await put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body });
    expect([first.outcome, first.view.revision, again.outcome, again.view.revision]).toEqual(['created', 1, 'unchanged', 1]);

    let events = await settled<RegistryEnterpriseChangedV1>(Events.RegistryEnterpriseChanged.subject, uscc);
    expect(events).toHaveLength(1);
    // Region defaults to the USCC's positions 3–8 (GB 32100-2015); sectors from the licence's scope.
    expect(events[0]).toMatchObject({ type: 'credit.registry.enterprises.changed', version: 1, region: '410100' });
    expect(events[0].data).toMatchObject({
      uscc,
      region: '410100',
      sectors: ['hazardous-goods', 'general-cargo'],
      registeredOn: '2015-06-01',
      credit: { registered: true, committed: true, selfAssessed: false },
      active: true,
      revision: 1,
      source: 'api',
    });

    const changed = await put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body: { ...body, credit: { ...body.credit, selfAssessed: true } } });
    expect([changed.outcome, changed.view.revision]).toEqual(['updated', 2]);
    events = await settled(Events.RegistryEnterpriseChanged.subject, uscc);
    expect(events.map((e) => e.data.revision)).toEqual([1, 2]);
  });

  it('serialises two first writes of the same key: one creates, the other finds the same content', async () => {
    const uscc = makeUscc('410100');
    const body = { name: '并发测试运输有限公司', declaredSectors: ['taxi'] };
    const outcomes = await Promise.all([
      put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body }),
      put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body }),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['created', 'unchanged']);
    expect(await settled(Events.RegistryEnterpriseChanged.subject, uscc)).toHaveLength(1);
  });

  it('holds an Idempotency-Key to its first request: a retry replays the first answer, another body is refused (422)', async () => {
    const uscc = makeUscc('410100');
    const key = `put-${uscc}`;
    const first = await put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body: { name: '幂等测试运输有限公司' }, idempotencyKey: key });
    const retry = await put.execute(zhengzhou, { kind: 'enterprise', key: uscc.toLowerCase(), body: { name: '幂等测试运输有限公司' }, idempotencyKey: key });
    expect([first.outcome, first.replayed, retry.outcome, retry.replayed]).toEqual(['created', false, 'created', true]);
    await expect(put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body: { name: '另一名称' }, idempotencyKey: key })).rejects.toMatchObject({
      code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
    });
    // Keys are per client: Henan's identical key is its own request.
    expect((await put.execute(henan, { kind: 'enterprise', key: uscc, body: { name: '另一名称' }, idempotencyKey: key })).outcome).toBe('updated');
    expect(await settled(Events.RegistryEnterpriseChanged.subject, uscc)).toHaveLength(2);
  });

  it("refuses a subject outside the caller's region and writes nothing", async () => {
    const uscc = makeUscc('410300');
    await expect(put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body: { name: '洛阳某公司' } })).rejects.toMatchObject({
      code: 'AUTH.REGION_FORBIDDEN',
    });
    expect(await ds.query(`SELECT count(*)::int AS n FROM registry_enterprises WHERE uscc = $1`, [uscc])).toEqual([{ n: 0 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE envelope->>'subjectId' = $1`, [uscc])).toEqual([{ n: 0 }]);
  });

  it('moves a vehicle between carriers with the previous carrier in the event, and lists each carrier its own', async () => {
    const [a, b] = [makeUscc('410100'), makeUscc('410100')];
    for (const uscc of [a, b]) await put.execute(zhengzhou, { kind: 'enterprise', key: uscc, body: { name: `车队${uscc.slice(-4)}` } });
    const key = `豫A${String(Date.now()).slice(-5)}:yellow`;
    const vehicle = { region: '410100', vehicleType: 'tractor', axles: 6, transportCertificate: '豫交运管郑字410100123456号' };
    await put.execute(zhengzhou, { kind: 'vehicle', key, body: { ...vehicle, carrierUscc: a } });
    const moved = await put.execute(zhengzhou, { kind: 'vehicle', key, body: { ...vehicle, carrierUscc: b } });
    expect(moved.view.revision).toBe(2);
    const events = await settled<RegistryVehicleChangedV1>(Events.RegistryVehicleChanged.subject, key);
    expect(events.map((e) => [e.data.carrierUscc, e.data.previousCarrierUscc, e.data.revision])).toEqual([
      [a, null, 1],
      [b, a, 2],
    ]);
    expect((await list.execute(henan, { uscc: a, kind: 'vehicle', cursor: '', limit: 0 })).items).toEqual([]);
    expect((await list.execute(henan, { uscc: b, kind: 'vehicle', cursor: '', limit: 0 })).items.map((i) => i.key)).toEqual([key]);
    // A carrier the registry does not know yet still has its vehicles listed (registers arrive in any order).
    const unregistered = makeUscc('410100');
    const other = `豫A${String(Date.now() + 1).slice(-5)}:blue`;
    await put.execute(zhengzhou, { kind: 'vehicle', key: other, body: { region: '410100', vehicleType: 'van', carrierUscc: unregistered } });
    expect((await list.execute(zhengzhou, { uscc: unregistered, kind: 'vehicle', cursor: '', limit: 0 })).items.map((i) => i.key)).toEqual([other]);
    // Outside the caller's region (ADR 0041: reads as absent): Luoyang sees neither the carrier nor its Zhengzhou vehicles.
    const luoyang: Principal = { ...zhengzhou, clientId: 'luoyang', region: '410300' };
    expect((await list.execute(luoyang, { uscc: b, kind: 'vehicle', cursor: '', limit: 0 })).items).toEqual([]);
    await expect(get.execute(luoyang, { kind: 'enterprise', key: b })).rejects.toMatchObject({ code: 'REGISTRY.NOT_FOUND', kind: 'not-found' });
    expect((await list.execute(luoyang, { uscc: unregistered, kind: 'vehicle', cursor: '', limit: 0 })).items).toEqual([]);
  });

  it('keeps the whole citizen ID inside (events) and answers it masked', async () => {
    const employer = makeUscc('410100');
    await put.execute(zhengzhou, { kind: 'enterprise', key: employer, body: { name: '出租车公司' } });
    const result = await put.execute(zhengzhou, {
      kind: 'driver',
      key: DRIVER_ID,
      body: { name: '张三', region: '410100', employerUscc: employer, qualificationSectors: ['taxi'], qualifiedOn: '2018-03-01' },
    });
    // masking.ts: the first 3 and last 4 characters stay.
    expect(result.view.key).toBe('110***********002X');
    expect(JSON.stringify(result.view)).not.toContain(DRIVER_ID);
    expect(JSON.stringify(await get.execute(henan, { kind: 'driver', key: DRIVER_ID }))).not.toContain(DRIVER_ID);
    const drivers = await list.execute(zhengzhou, { uscc: employer, kind: 'driver', cursor: '', limit: 10 });
    expect(drivers.items.map((d) => d.registration.citizenId)).toEqual(['110***********002X']);
    const [event] = await settled<RegistryDriverChangedV1>(Events.RegistryDriverChanged.subject, DRIVER_ID);
    expect(event.data).toMatchObject({ citizenId: DRIVER_ID, employerUscc: employer, qualificationSectors: ['taxi'], revision: 1 });
  });

  it('imports line by line: good lines land, a bad one is rejected with its reasons, a repeat changes nothing', async () => {
    const uscc = makeUscc('410100');
    const ndjson = [
      JSON.stringify({ kind: 'enterprise', key: uscc, registration: { name: '导入测试物流有限公司', declaredSectors: ['general-cargo'] } }),
      JSON.stringify({ kind: 'vehicle', key: '豫A9B8C7:blue', registration: { region: '410100', vehicleType: 'van', carrierUscc: uscc } }),
      JSON.stringify({ kind: 'vehicle', key: '豫A12345', registration: { region: '410100', vehicleType: 'van' } }),
      JSON.stringify({ kind: 'driver', key: '110105194912310021', registration: { name: '李四', region: '410100' } }),
      JSON.stringify({ key: DRIVER_ID, registration: { name: '王五' } }),
    ].join('\n');
    const first = await imports.execute(zhengzhou, ndjson);
    expect(first).toMatchObject({ lineCount: 5, created: 2, updated: 0, unchanged: 0, rejected: 3 });
    expect(first.lines.map((l) => [l.line, l.outcome, l.errors.map((e) => e.code)])).toEqual([
      [1, 'created', []],
      [2, 'created', []],
      [3, 'rejected', ['INVALID_VEHICLE_KEY']],
      [4, 'rejected', ['INVALID_CITIZEN_ID']],
      [5, 'rejected', ['UNKNOWN_KIND']],
    ]);
    // A rejected driver line names the driver only masked.
    expect(first.lines[3].key).toBe('110***********0021');
    // …and so does a line that forgot its kind but carries a citizen ID as key.
    expect(first.lines[4].key).toBe('110***********002X');
    const again = await imports.execute(zhengzhou, ndjson);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect(await settled(Events.RegistryEnterpriseChanged.subject, uscc)).toHaveLength(1);
    expect((await settled<RegistryEnterpriseChangedV1>(Events.RegistryEnterpriseChanged.subject, uscc))[0].data.source).toBe('import');
  });

  it('registers the licence of a 行政许可 record about an enterprise, once, with the sectors of its scope', async () => {
    const catalogues = new CatalogueStore(ds);
    await catalogues.onModuleInit();
    const handler = new ApplyLicenceRecordHandler(writer);
    const consumer = new InboxConsumer(
      ds,
      messaging.js,
      messaging.jsm,
      messaging.ns,
      { stream: 'CREDIT_RECORDS', durable: REGISTRY_LICENCES_DURABLE, filterSubject: Events.CreditRecordCreated.subject, ackWaitMs: 2000 },
      async (event, manager) => {
        await handler.recorded(manager, factsOf(event.data as never));
      },
    );
    consumers.push(consumer);
    await consumer.start();

    const uscc = makeUscc('410100');
    const body = {
      ...creditRecordBody(),
      recordType: 'administrative-licence',
      subject: { kind: 'org', id: uscc, name: '许可记录测试客运有限公司' },
      severity: 'minor',
      decisionDate: daysAgo(2),
      documentNumber: '郑交许〔2026〕88号',
      payload: {
        licenceCategory: 'ordinary',
        licenceName: '道路运输经营许可证',
        licenceNumber: '豫交运管许可郑字410100888号',
        content: '道路旅客运输（班车客运、包车客运）；出租汽车客运',
        validFrom: daysAgo(2),
        validUntil: '2030-12-31',
        authority: '郑州市交通运输局',
        authorityUscc: '11410100005252717P',
      },
    };
    const parsed = parseBatchLine(JSON.stringify(body));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.violations));
    const [licenceRecord] = await ds.transaction((m) =>
      new RecordWriter(new OutboxPublisher(collectionDefinition)).write(m, 'zhengzhou', [validateSubmission(parsed.raw, catalogues.current())]),
    );
    // A penalty about the same enterprise is not a licence: it changes nothing in the registry.
    const penalty = parseBatchLine(JSON.stringify({ ...creditRecordBody(), subject: { kind: 'org', id: uscc, name: '许可记录测试客运有限公司' } }));
    if (!penalty.ok) throw new Error(JSON.stringify(penalty.violations));
    await ds.transaction((m) =>
      new RecordWriter(new OutboxPublisher(collectionDefinition)).write(m, 'zhengzhou', [validateSubmission(penalty.raw, catalogues.current())]),
    );

    const rows = await eventually(
      () => ds.query(`SELECT revision, source, sectors, licences FROM registry_enterprises WHERE uscc = $1`, [uscc]),
      (r) => r.length === 1,
    );
    expect(rows[0]).toMatchObject({ revision: 1, source: 'licence-record', sectors: ['road-passenger', 'taxi'] });
    const events = await settled<RegistryEnterpriseChangedV1>(Events.RegistryEnterpriseChanged.subject, uscc);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      name: '许可记录测试客运有限公司',
      region: '410100',
      source: 'licence-record',
      licences: [{ number: '豫交运管许可郑字410100888号', sectors: ['road-passenger', 'taxi'], validUntil: '2030-12-31', authority: '郑州市交通运输局' }],
    });
    // The event's licence has exactly the contract's fields (RegistryLicenceV1): the record link stays inside.
    expect(Object.keys(events[0].data.licences[0]).sort()).toEqual(['authority', 'number', 'sectors', 'validFrom', 'validUntil']);

    // The providing unit revokes the record: the licence is withdrawn, and its sectors with it.
    const revocations = new InboxConsumer(
      ds,
      messaging.js,
      messaging.jsm,
      messaging.ns,
      { stream: 'CREDIT_RECORDS', durable: REGISTRY_LICENCE_REVOCATIONS_DURABLE, filterSubject: Events.CreditRecordRevoked.subject, ackWaitMs: 2000 },
      async (event, manager) => {
        await handler.revoked(manager, event.data as never);
      },
    );
    consumers.push(revocations);
    await revocations.start();
    await new RevokeRecordHandler(ds, new OutboxPublisher(collectionDefinition)).execute(zhengzhou, { id: licenceRecord.id, reason: '许可已依法撤销' });
    const withdrawn = await eventually(
      () => settled<RegistryEnterpriseChangedV1>(Events.RegistryEnterpriseChanged.subject, uscc),
      (e) => e.length === 2,
    );
    expect(withdrawn[1].data).toMatchObject({ revision: 2, licences: [], sectors: [], source: 'licence-record' });
  });

  it('recomputes sectors when a licence ends, with nothing written: revision + 1 and one event, then nothing', async () => {
    const uscc = makeUscc('410100');
    const today = chinaToday();
    await put.execute(zhengzhou, {
      kind: 'enterprise',
      key: uscc,
      body: {
        name: '许可到期测试运输有限公司',
        licences: [
          // Its last valid day is today: in force now, not tomorrow.
          { number: 'L-ending', businessScope: '道路危险货物运输', validFrom: '2020-01-01', validUntil: today },
          { number: 'L-lasting', businessScope: '道路普通货物运输', validFrom: '2020-01-01', validUntil: '2099-12-31' },
        ],
      },
    });
    const job = new RefreshSectorsJob(ds, writer, { register: () => undefined } as never, { SCHEDULE_CHUNK_SIZE: 2 });
    // Today nothing is due: the next change is tomorrow.
    expect(await job.runOnce(new Date())).toBe(0);
    const tomorrowNoon = new Date(`${daysAhead(1)}T04:00:00Z`);
    expect(await job.runOnce(tomorrowNoon)).toBeGreaterThanOrEqual(1);
    expect(await job.runOnce(tomorrowNoon)).toBe(0);
    const events = await settled<RegistryEnterpriseChangedV1>(Events.RegistryEnterpriseChanged.subject, uscc);
    expect(events.map((e) => [e.data.revision, e.data.sectors, e.data.source])).toEqual([
      [1, ['hazardous-goods', 'general-cargo'], 'api'],
      [2, ['general-cargo'], 'api'],
    ]);
    // The licence itself is still listed, no longer in force.
    expect(events[1].data.licences.map((l) => l.number)).toEqual(['L-ending', 'L-lasting']);
  });
});
