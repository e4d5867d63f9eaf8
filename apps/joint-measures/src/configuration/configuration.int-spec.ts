import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EvaluationSchemePublishedV1, EventEnvelope, Events } from '@contracts';
import { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { BatchEventHandler, ConsumerSpec, EventHandler, InboxConsumer } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { cloneTestDatabase, eventually, isolatedMessaging, TestDatabase, TestMessaging } from '@platform/testing';
import { EntryRuleStore } from '../entry-rules/application/entry-rule-store';
import { SHIPPED_ENTRY_RULES } from '../entry-rules/domain/shipped-entry-rules';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import { SHIPPED_MAPPINGS, SHIPPED_MEASURES } from '../measures/domain/shipped-measures';
import { ConfigurationAdminHandler } from './application/configuration-admin.handler';
import { ConfigurationInForce } from './application/configuration-in-force';
import { SchemeEventsConsumer } from './interface/scheme-events.consumer';

/** The configuration admin API and the scheme catalogue against real PostgreSQL and NATS JetStream (ADR 0043). */
describe('configuration that cannot point at nothing (PostgreSQL, NATS)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let messaging: TestMessaging;
  let inForce: ConfigurationInForce;
  let admin: ConfigurationAdminHandler;
  const consumers: InboxConsumer[] = [];
  const henanAdmin: Principal = { clientId: 'henan-admin', kind: 'admin', scopes: ['admin'], region: '410000' };

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-configuration');
    ds = await db.dataSource(jointMeasuresDefinition);
    messaging = await isolatedMessaging();
    inForce = new ConfigurationInForce(ds);
    await inForce.onModuleInit();
    admin = new ConfigurationAdminHandler(ds, inForce, new EntryRuleStore(ds));
    const registrar: Pick<EventConsumers, 'register' | 'consume'> = {
      consume: EventConsumers.prototype.consume,
      register: (spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler) =>
        void consumers.push(new InboxConsumer(ds, messaging.js, messaging.jsm, messaging.ns, { ...spec, ackWaitMs: 2000 }, handler, undefined, batchHandler)),
    };
    new SchemeEventsConsumer(registrar as EventConsumers).onModuleInit();
    for (const c of consumers) await c.start();
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await messaging?.cleanup();
    await db?.drop();
  });

  async function announce(
    scheme: Partial<EvaluationSchemePublishedV1> & { schemeId: string; ladder: EvaluationSchemePublishedV1['ladder'] },
    id = randomUUID(),
  ) {
    const data: EvaluationSchemePublishedV1 = {
      version: 1,
      name: { zh: scheme.schemeId, en: scheme.schemeId },
      regions: ['410000'],
      sectors: [],
      subjectKinds: ['org'],
      publishedAt: new Date().toISOString(),
      ...scheme,
    };
    const envelope: EventEnvelope<EvaluationSchemePublishedV1> = {
      id,
      type: Events.EvaluationSchemePublished.subject,
      version: 1,
      occurredAt: data.publishedAt,
      subjectId: data.schemeId,
      region: data.regions[0],
      data,
    };
    await messaging.js.publish(messaging.ns.subject(Events.EvaluationSchemePublished.subject), JSON.stringify(envelope));
    return id;
  }

  const mappingsView = () => admin.get(henanAdmin, { kind: 'measure-mappings' });
  const statusOf = async (id: string) => (await mappingsView()).items.find((i) => i.id === id);

  it('stores the shipped mappings and draw plans as version 1 once, and shows what waits for which scheme', async () => {
    await new ConfigurationInForce(ds).onModuleInit(); // a second start stores nothing again
    const view = await mappingsView();
    expect(view).toMatchObject({ kind: 'measure-mappings', version: 1, inForce: true, uploadedBy: 'platform:shipped', versions: [{ version: 1 }] });
    // The example: Jiaozuo's mappings wait for jiaozuo-general-cargo, reported, not silently dead.
    expect(view.items.find((i) => i.id === 'jiaozuo.red.no-new-business')).toEqual({
      id: 'jiaozuo.red.no-new-business',
      status: 'pending',
      waitingFor: ['jiaozuo-general-cargo'],
      problems: [expect.objectContaining({ path: 'mappings[3].when.grade.schemeId', reference: 'jiaozuo-general-cargo', code: 'UNKNOWN_SCHEME' })],
    });
    expect(view.items.find((i) => i.id === 'henan.key-watch.no-commitment')).toMatchObject({ status: 'active' });
    const plans = await admin.get(henanAdmin, { kind: 'draw-plans' });
    expect(plans.items.map((p) => [p.id, p.status])).toEqual([
      ['jiyuan.driving-school', 'pending'],
      ['hangzhou.road-transport', 'pending'],
      ['shandong.road-transport', 'pending'],
      ['puyang.taxi', 'pending'],
    ]);
  });

  it('refuses an upload naming a grade the scheme does not have: 422 naming the reference, nothing stored', async () => {
    await announce({ schemeId: 'henan-passenger-hazardous-codes', ladder: { id: 'traffic-light', grades: ['green', 'yellow', 'red'] } });
    await eventually(
      () => db.query(`SELECT 1 FROM joint_measures.known_schemes WHERE scheme_id = 'henan-passenger-hazardous-codes'`).then((r) => r.length),
      (n) => n === 1,
    );
    // Blue is a grade of the four-colour ladder, not of this scheme's traffic-light ladder (@domain/credit grade-ladder.ts).
    const mapping = {
      id: 'henan.blue.no-commitment',
      measure: 'commitment-path.denied',
      scene: 'permit.application',
      regions: ['410000'],
      sectors: ['road-passenger'],
      when: { grade: { schemeId: 'henan-passenger-hazardous-codes', grades: ['blue'] } },
      source: 'test',
    };
    const error = await admin
      .upload(henanAdmin, { kind: 'measure-mappings', documentJson: JSON.stringify({ measures: SHIPPED_MEASURES, mappings: [...SHIPPED_MAPPINGS, mapping] }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFIG.DANGLING_REFERENCE',
      kind: 'precondition',
      violations: [
        { field: `mappings[${SHIPPED_MAPPINGS.length}].when.grade.grades[0]`, message: expect.stringContaining('"blue"'), code: 'GRADE_NOT_ON_LADDER' },
      ],
    });
    expect((await mappingsView()).version).toBe(1);
  });

  it('accepts an upload naming a scheme not published yet as pending; the announcement makes it active, on every replica', async () => {
    const mapping = {
      id: 'luoyang.code.red.no-commitment',
      measure: 'commitment-path.denied',
      scene: 'permit.application',
      regions: ['410300'],
      sectors: [],
      when: { grade: { schemeId: 'luoyang-freight-codes', grades: ['red'] } },
      source: 'test: a Luoyang scheme still to come',
    };
    const uploaded = await admin.upload(henanAdmin, {
      kind: 'measure-mappings',
      documentJson: JSON.stringify({ measures: SHIPPED_MEASURES, mappings: [...SHIPPED_MAPPINGS, mapping] }),
      basedOnVersion: 1,
    });
    expect(uploaded).toMatchObject({ version: 2, inForce: true, uploadedBy: 'henan-admin' });
    expect(uploaded.items.find((i) => i.id === mapping.id)).toMatchObject({ status: 'pending', waitingFor: ['luoyang-freight-codes'] });
    expect(inForce.measureCatalogue().inactive.map((m) => m.id)).toContain(mapping.id);

    // Another replica that started before the upload.
    const other = new ConfigurationInForce(ds);
    await other.onModuleInit();
    await announce({ schemeId: 'luoyang-freight-codes', ladder: { id: 'traffic-light', grades: ['green', 'yellow', 'red'] } });
    await eventually(
      async () => (await statusOf(mapping.id))?.status,
      (s) => s === 'active',
    );
    await other.refresh();
    expect(other.measureCatalogue().mappings.map((m) => m.id)).toContain(mapping.id);
    // A stale (older) announcement changes nothing; a redelivered one neither.
    await announce({ schemeId: 'luoyang-freight-codes', version: 0, ladder: { id: 'AA-D', grades: ['AA', 'A', 'B', 'C', 'D'] } });
    expect((await statusOf(mapping.id))?.status).toBe('active');
  });

  it('marks a pending item invalid when its scheme is published on a ladder without its grades', async () => {
    expect(await statusOf('hebi.repair-labour.aaa')).toMatchObject({ status: 'pending', waitingFor: ['hebi-fleet'] });
    await announce({ schemeId: 'hebi-fleet', ladder: { id: 'AA-D', grades: ['AA', 'A', 'B', 'C', 'D'] } });
    const item = await eventually(
      () => statusOf('hebi.repair-labour.aaa'),
      (i) => i?.status !== 'pending',
    );
    expect(item).toMatchObject({ status: 'invalid', problems: [expect.objectContaining({ reference: 'AAA', code: 'GRADE_NOT_ON_LADDER' })] });
  });

  it('entry rules go through the same checks: a grade rule on an unknown scheme is pending, an unknown list type refused (422)', async () => {
    const bad = [{ ...SHIPPED_ENTRY_RULES[0], listType: 'grey' }];
    await expect(admin.upload(henanAdmin, { kind: 'entry-rules', documentJson: JSON.stringify(bad) })).rejects.toMatchObject({
      code: 'CONFIG.DANGLING_REFERENCE',
      violations: [expect.objectContaining({ field: 'rules[0].listType', message: expect.stringContaining('"grey"') })],
    });
    const view = await admin.get(henanAdmin, { kind: 'entry-rules' });
    expect(view).toMatchObject({ version: 0, uploadedBy: 'platform:shipped' });
    expect(view.items.filter((i) => i.status !== 'active').map((i) => [i.id, i.status, i.waitingFor])).toEqual([
      ['driver-two-consecutive-b-cycles', 'pending', ['nanyang-driver-grades']],
      ['driver-20-points-in-one-cycle', 'pending', ['nanyang-driver-grades']],
    ]);
  });

  it('refuses malformed JSON, an unknown kind and a non-admin', async () => {
    await expect(admin.upload(henanAdmin, { kind: 'draw-plans', documentJson: '{' })).rejects.toMatchObject({ code: 'CONFIG.INVALID', kind: 'validation' });
    await expect(admin.get(henanAdmin, { kind: 'lunch-plans' })).rejects.toMatchObject({ code: 'CONFIG.UNKNOWN_KIND' });
    await expect(admin.get({ ...henanAdmin, scopes: ['records:read'] }, { kind: 'draw-plans' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  // Last: it leaves a scheme that contradicts the shipped draw plans.
  it('stops a start when the shipped set in force names a grade a published scheme lacks, naming it; not once a newer version replaced it', async () => {
    // Mappings: version 2 (uploaded above) is in force, so Hebi's shipped AAA on an AA–D ladder no longer stops anything.
    await new ConfigurationInForce(ds).onModuleInit();
    // Draw plans: the shipped version 1 is in force; a Jiyuan scheme on the AA–D ladder lacks its AAA.
    await announce({ schemeId: 'jiyuan-driving-school', ladder: { id: 'AA-D', grades: ['AA', 'A', 'B', 'C', 'D'] } });
    await eventually(
      () => db.query(`SELECT 1 FROM joint_measures.known_schemes WHERE scheme_id = 'jiyuan-driving-school'`).then((r) => r.length),
      (n) => n === 1,
    );
    await expect(new ConfigurationInForce(ds).onModuleInit()).rejects.toThrow(
      /shipped draw-plans: plans\[0\]\.ladder\[0\] → "AAA": not a grade of scheme jiyuan-driving-school/,
    );
  });
});
