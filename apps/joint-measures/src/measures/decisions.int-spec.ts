import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events, RegistryEnterpriseChangedV1 } from '@contracts';
import { WorkingDayCalendar } from '@domain/calendar';
import { Principal } from '@platform/auth';
import { EventConsumers, OutboxPublisher } from '@platform/service';
import { cloneTestDatabase, daysAgo, eventually, makeUscc, TestDatabase } from '@platform/testing';
import { EntryRuleEngine } from '../entry-rules/application/entry-rule-engine';
import { EntryRuleStore } from '../entry-rules/application/entry-rule-store';
import { ApplyRecordFactsHandler } from '../entry-rules/application/apply-record-facts.handler';
import { subjectRecordsProvider } from '../entry-rules/application/entry-rules.tokens';
import { RecordEventsConsumer } from '../entry-rules/interface/record-events.consumer';
import { SubjectFactsCache } from '../facts-cache/application/subject-facts-cache';
import type { DecisionFactsCache } from '../facts-cache/application/facts-cache.tokens';
import { FactsChangeFeed } from '../facts-cache/infrastructure/facts-change-feed';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import { DecideListEntryHandler } from '../lists/application/decide-list-entry.handler';
import { ProposeListEntryHandler } from '../lists/application/propose-list-entry.handler';
import { ListEntryLedger } from '../lists/application/list-entry-ledger';
import { DEFAULT_LIST_POLICIES, ListPolicies } from '../lists/domain/list-policy';
import { DecideHandler } from './application/decide.handler';
import { DecisionLog } from './application/decision-log';
import { ConfigurationInForce } from '../configuration/application/configuration-in-force';
import { SchemeEventsConsumer } from '../configuration/interface/scheme-events.consumer';
import { GetMeasuresAppliedHandler } from '../reports/application/get-measures-applied.handler';
import { RegistrySubjectEventsConsumer } from './interface/registry-subject-events.consumer';

const window = (region: string): Principal => ({
  clientId: `window-${region}`,
  kind: 'integrator',
  scopes: ['measures:decide', 'records:write', 'records:read'],
  region,
});

describe('the decision API (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let decide: DecideHandler;
  let records: RecordEventsConsumer;
  let engine: EntryRuleEngine;
  let propose: ProposeListEntryHandler;
  let decideEntry: DecideListEntryHandler;
  // Two replicas' read caches, each invalidated by its own LISTEN connection; `decide` and the
  // writers run on replica A, `decideOnB` on replica B.
  let cacheA: DecisionFactsCache;
  let cacheB: DecisionFactsCache;
  let decideOnB: DecideHandler;
  const feeds: FactsChangeFeed[] = [];
  let configuration: ConfigurationInForce;

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-decisions');
    ds = await db.dataSource(jointMeasuresDefinition);
    const outbox = new OutboxPublisher(jointMeasuresDefinition);
    const ledger = new ListEntryLedger(outbox, new WorkingDayCalendar({ unknownYears: 'weekdays' }), new ListPolicies(DEFAULT_LIST_POLICIES));
    engine = new EntryRuleEngine(new EntryRuleStore(ds), ledger);
    cacheA = new SubjectFactsCache({ ttlMs: 600_000, maxSubjects: 1000 });
    cacheB = new SubjectFactsCache({ ttlMs: 600_000, maxSubjects: 1000 });
    for (const cache of [cacheA, cacheB]) {
      const feed = new FactsChangeFeed(cache, { databaseUrl: db.urlFor('joint_measures'), retryMs: 200 });
      await feed.start();
      feeds.push(feed);
    }
    records = new RecordEventsConsumer({} as EventConsumers, new ApplyRecordFactsHandler(engine, cacheA));
    propose = new ProposeListEntryHandler(ds, ledger, subjectRecordsProvider.useValue, cacheA);
    decideEntry = new DecideListEntryHandler(ds, ledger, cacheA);
    configuration = new ConfigurationInForce(ds);
    await configuration.onModuleInit();
    const catalogue = configuration;
    decide = new DecideHandler(ds, new DecisionLog(ds, outbox), catalogue, cacheA);
    decideOnB = new DecideHandler(ds, new DecisionLog(ds, outbox), catalogue, cacheB);
  });

  afterAll(async () => {
    for (const feed of feeds) await feed.stop();
    await db?.drop();
  });

  async function collected(
    subject: CreditRecordCreatedV1['subject'],
    region: string,
    decisionDate: string,
    overrides: Partial<CreditRecordCreatedV1> = {},
  ): Promise<string> {
    const data: CreditRecordCreatedV1 = {
      recordId: randomUUID(),
      recordType: 'administrative-penalty',
      subject,
      region,
      severity: 'general',
      decisionDate,
      documentNumber: `新交罚〔2026〕${randomUUID().slice(0, 6)}号`,
      isPublic: true,
      summary: '',
      sourceClientId: 'xinxiang',
      receivedAt: new Date().toISOString(),
      payload: { violationType: '未按规定维护车辆' },
      ...overrides,
    };
    const event: EventEnvelope<CreditRecordCreatedV1> = {
      id: randomUUID(),
      type: Events.CreditRecordCreated.subject,
      version: 1,
      occurredAt: data.receivedAt,
      subjectId: subject.id,
      region,
      data,
    };
    await ds.transaction((m) => records.created(event, m));
    return data.recordId;
  }

  it('refuses an unknown scene (400) and an unknown subject (404)', async () => {
    await expect(decide.execute(window('410100'), { subjectId: makeUscc(), scene: 'parking', sector: '', region: '' })).rejects.toMatchObject({
      code: 'DECISION.UNKNOWN_SCENE',
      kind: 'validation',
    });
    await expect(decide.execute(window('410100'), { subjectId: makeUscc(), scene: 'permit.application', sector: '', region: '' })).rejects.toMatchObject({
      code: 'DECISION.UNKNOWN_SUBJECT',
      kind: 'not-found',
    });
    await expect(decide.execute(window('410100'), { subjectId: makeUscc(), scene: 'permit.application', sector: '', region: '410300' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('Xinxiang: the 10th unrepaired penalty denies the commitment path, with the ten records as the reason, and is logged', async () => {
    const org = { kind: 'org' as const, id: makeUscc('410700'), name: '新乡某运输有限公司' };
    const ids: string[] = [];
    for (let i = 0; i < 9; i += 1) ids.push(await collected(org, '410700', daysAgo(30 + i * 200)));
    const before = await decide.execute(window('410700'), { subjectId: org.id, scene: 'permit.application', sector: '', region: '' });
    expect(before).toMatchObject({ outcome: 'allow', measures: [], reasons: [] });
    ids.push(await collected(org, '410700', daysAgo(3)));
    const after = await decide.execute(window('410700'), { subjectId: org.id, scene: 'permit.application', sector: '', region: '' });
    expect(after.outcome).toBe('deny');
    expect(after.measures).toEqual([expect.objectContaining({ code: 'commitment-path.denied', mappingId: 'xinxiang.unrepaired-penalties.no-commitment' })]);
    expect(after.reasons).toEqual([
      {
        kind: 'records',
        mappingId: 'xinxiang.unrepaired-penalties.no-commitment',
        recordType: 'administrative-penalty',
        recordIds: [...ids].sort(),
        count: 10,
      },
    ]);
    // The same subject asked about in Zhengzhou: Xinxiang's rule is local.
    expect((await decide.execute(window('410100'), { subjectId: org.id, scene: 'permit.application', sector: '', region: '' })).outcome).toBe('allow');

    const logged = await db.query<{ id: string; outcome: string; asked_by: string }>(
      `SELECT id, outcome, asked_by FROM joint_measures.decisions WHERE subject_id = $1 ORDER BY decided_at`,
      [org.id],
    );
    expect(logged.map((d) => [d.outcome, d.asked_by])).toEqual([
      ['allow', 'window-410700'],
      ['deny', 'window-410700'],
      ['allow', 'window-410100'],
    ]);
    expect(logged[1].id).toBe(after.decisionId);
    const events = await db.query<{ data: { outcome: string; reasons: unknown[] } }>(
      `SELECT envelope->'data' AS data FROM joint_measures.outbox WHERE envelope->>'type' = 'measures.decisions.made' AND envelope->>'subjectId' = $1 ORDER BY envelope->>'id'`,
      [org.id],
    );
    expect(events.map((e) => e.data.outcome)).toEqual(['allow', 'deny', 'allow']);
    expect(events[1].data.reasons).toEqual(after.reasons);
  });

  it('Henan: a confirmed key-watch entry denies the commitment path, pointing at the entry; a proposed one does not', async () => {
    const org = { kind: 'org' as const, id: makeUscc('410100'), name: '郑州某物流有限公司' };
    const recordId = await collected(org, '410100', daysAgo(10));
    const { entry } = await propose.execute(window('410100'), {
      listType: 'key-watch',
      subjectId: org.id,
      basisRecordIds: [recordId],
      grounds: '多次违规',
      durationMonths: 0,
      idempotencyKey: '',
    });
    await db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = $2 WHERE id = $1`, [entry.id, daysAgo(1)]);
    const ask = (on: DecideHandler) => on.execute(window('410100'), { subjectId: org.id, scene: 'permit.application', sector: '', region: '' });
    // Both replicas answer allow; B now holds the subject's facts in memory (A wrote them, so it
    // reads them from the database for a while: see SubjectFactsCache.hold).
    expect((await ask(decide)).outcome).toBe('allow');
    expect(
      await eventually(
        () => ask(decideOnB).then((d) => ({ outcome: d.outcome, cached: cacheB.isCached(org.id) })),
        (r) => r.cached,
      ),
    ).toEqual({ outcome: 'allow', cached: true });

    await decideEntry.execute(window('410100'), { entryId: entry.id, outcome: 'confirm', documentNumber: '郑交信〔2026〕3号', reason: '', idempotencyKey: '' });
    // On the replica that confirmed it, the very next decision sees the entry (no waiting).
    const denied = await ask(decide);
    expect(denied).toMatchObject({
      outcome: 'deny',
      reasons: [{ kind: 'list-entry', entryId: entry.id, listType: 'key-watch', mappingId: 'henan.key-watch.no-commitment' }],
    });
    // The other replica drops the subject when the commit's notification reaches it, and then denies too.
    await eventually(
      async () => cacheB.isCached(org.id),
      (cached) => !cached,
    );
    expect((await ask(decideOnB)).outcome).toBe('deny');
  });

  it('a replica whose change feed is lost stops serving from memory until the feed is back', async () => {
    const org = { kind: 'org' as const, id: makeUscc('410100'), name: '郑州某仓储有限公司' };
    await collected(org, '410100', daysAgo(4));
    const askB = () =>
      decideOnB.execute(window('410100'), { subjectId: org.id, scene: 'permit.application', sector: '', region: '' }).then(() => cacheB.isCached(org.id));
    await eventually(askB, Boolean);
    // Kill B's LISTEN connection: B empties its cache and reads the database until it has reconnected.
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'joint_measures-facts-listener'`, [
      db.name,
    ]);
    await eventually(
      async () => cacheB.isCached(org.id),
      (cached) => !cached,
    );
    // Caching resumes once the feed has reconnected (the cache serves only while it listens).
    await eventually(askB, Boolean);
  });

  it('Hangzhou: a C grade (through the grade interface) sets a 25 % inspection ratio, a conditional answer', async () => {
    const org = { kind: 'org' as const, id: makeUscc('330100'), name: '杭州某运输公司', region: '330100' };
    await ds.transaction((m) => engine.onCycleGrade(m, org, { schemeId: 'hangzhou-road-transport', cycle: '2026', grade: 'C', pointsDeducted: 0 }, daysAgo(0)));
    // Until evaluation publishes Hangzhou's scheme the mappings wait for it: not applied, and the answer says so (ADR 0043).
    const pending = await decide.execute(window('330100'), { subjectId: org.id, scene: 'inspection.frequency', sector: '', region: '' });
    expect(pending).toMatchObject({ outcome: 'allow', measures: [] });
    // Zhejiang's provincial ship mappings (330000 ⊇ 330100) in the same scene wait for their schemes too.
    expect(pending.notApplied.filter((m) => m.mappingId.startsWith('hangzhou.'))).toEqual(
      ['aa', 'a', 'b', 'c', 'd'].map((g) => ({ mappingId: `hangzhou.ratio.${g}`, status: 'pending', waitingFor: ['hangzhou-road-transport'], problems: [] })),
    );
    expect(pending.notApplied.every((m) => m.status === 'pending')).toBe(true);
    // Published (AA–D: DOMAIN.md §3 "Grades AA/A/B/C/D … Hangzhou"): re-checked and applied.
    const publishedAt = new Date().toISOString();
    const scheme = {
      schemeId: 'hangzhou-road-transport',
      version: 1,
      name: { zh: '杭州道路运输企业信用等级', en: 'Hangzhou road transport grades' },
      ladder: { id: 'AA-D', grades: ['AA', 'A', 'B', 'C', 'D'] },
      regions: ['330100'],
      sectors: [],
      subjectKinds: ['org' as const],
      publishedAt,
    };
    const envelope = {
      id: randomUUID(),
      type: Events.EvaluationSchemePublished.subject,
      version: 1,
      occurredAt: publishedAt,
      subjectId: scheme.schemeId,
      region: '330100',
      data: scheme,
    };
    await ds.transaction((m) => new SchemeEventsConsumer({} as EventConsumers).published(envelope, m));
    await configuration.refresh();
    const result = await decide.execute(window('330100'), { subjectId: org.id, scene: 'inspection.frequency', sector: '', region: '' });
    // Nothing waits for Hangzhou's scheme any more (the ship mappings still wait for theirs).
    expect(result.notApplied.filter((m) => m.waitingFor.includes('hangzhou-road-transport'))).toEqual([]);
    expect(result).toMatchObject({
      outcome: 'conditional',
      measures: [{ code: 'inspection.ratio', value: { amount: 25 } }],
      reasons: [{ kind: 'grade', schemeId: 'hangzhou-road-transport', grade: 'C' }],
    });
  });

  it('reports the measures applied per asking unit and month, from the decision log', async () => {
    const report = new GetMeasuresAppliedHandler(ds);
    const month = daysAgo(0).slice(0, 7);
    const xinxiang = await report.execute(window('410700'), { region: '', month });
    expect(xinxiang).toEqual({
      region: '410700',
      month,
      units: [
        {
          unit: 'window-410700',
          decisions: 2,
          denied: 1,
          conditional: 0,
          measures: [{ code: 'commitment-path.denied', scene: 'permit.application', effect: 'deny', applied: 1, subjects: 1 }],
        },
      ],
    });
    const henan = await report.execute(window('410000'), { region: '410000', month });
    expect(henan.units.map((u) => u.unit)).toEqual(['window-410100', 'window-410700']);
    await expect(report.execute(window('410700'), { region: '410100', month })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(report.execute(window('410700'), { region: '', month: '2026-13' })).rejects.toMatchObject({ code: 'REPORT.INVALID' });
  });

  it('logs every answered decision exactly once when many are asked at once (group commit)', async () => {
    const org = { kind: 'org' as const, id: makeUscc('410100'), name: '郑州某货运公司' };
    await collected(org, '410100', daysAgo(3));
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => decide.execute(window('410100'), { subjectId: org.id, scene: 'permit.application', sector: '', region: '' })),
    );
    const logged = await db.query<{ id: string }>(`SELECT id FROM joint_measures.decisions WHERE subject_id = $1`, [org.id]);
    expect(logged.map((r) => r.id).sort()).toEqual(answers.map((a) => a.decisionId).sort());
    const events = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM joint_measures.outbox WHERE envelope->>'type' = 'measures.decisions.made' AND envelope->>'subjectId' = $1`,
      [org.id],
    );
    expect(Number(events[0].n)).toBe(40);
  });

  it('takes the sector from the subject registry (ADR 0055): a contradicting request sector is refused 422 and not logged; the registry change reaches every replica', async () => {
    const org = { kind: 'org' as const, id: makeUscc('410800'), name: '焦作某普通货物运输有限公司' };
    await collected(org, '410800', daysAgo(5));
    const ask = (on: DecideHandler, sector: string) => on.execute(window('410800'), { subjectId: org.id, scene: 'business.new-capacity', sector, region: '' });
    // Not in the registry yet: the request's sector is taken as asked, and replica B caches the subject.
    expect((await ask(decideOnB, 'road-passenger')).outcome).toBe('allow');
    const registry = new RegistrySubjectEventsConsumer({} as EventConsumers, cacheA);
    const registration = (revision: number, sectors: string[]): EventEnvelope<RegistryEnterpriseChangedV1> => ({
      id: randomUUID(),
      type: Events.RegistryEnterpriseChanged.subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      subjectId: org.id,
      region: '410800',
      data: {
        uscc: org.id.toLowerCase(),
        name: org.name,
        region: '410800',
        sectors,
        licences: [],
        registeredOn: null,
        credit: { registered: true, committed: false, selfAssessed: false },
        active: true,
        revision,
        source: 'api',
        changedAt: new Date().toISOString(),
      },
    });
    await ds.transaction((m) => registry.enterprisesChanged([registration(2, ['general-cargo'])], m));
    // An older revision arriving late changes nothing.
    await ds.transaction((m) => registry.enterprisesChanged([registration(1, ['road-passenger'])], m));

    const logged = () =>
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM joint_measures.decisions WHERE subject_id = $1`, [org.id]).then((r) => r[0]!.n);
    const before = await logged();
    await expect(ask(decide, 'road-passenger')).rejects.toMatchObject({
      code: 'DECISION.SECTOR_CONTRADICTS_REGISTRY',
      kind: 'precondition',
      violations: [expect.objectContaining({ field: 'sector' })],
    });
    expect(await logged()).toBe(before);
    // Replica B dropped the subject on the registry row's notification: it refuses too.
    await eventually(
      () =>
        ask(decideOnB, 'road-passenger').then(
          () => 'answered',
          (e: { code?: string }) => e.code,
        ),
      (code) => code === 'DECISION.SECTOR_CONTRADICTS_REGISTRY',
      5_000,
    );
    // The registered sector, or none (every registered sector), is answered.
    expect((await ask(decide, 'general-cargo')).outcome).toBe('allow');
    expect((await ask(decide, '')).outcome).toBe('allow');
    expect(await logged()).toBe(before + 2);
  });

  it('answers DECISION.UNAVAILABLE, never allow, when its database refuses the service', async () => {
    const org = { kind: 'org' as const, id: makeUscc('410100'), name: '郑州某客运公司' };
    await collected(org, '410100', daysAgo(5));
    expect((await decide.execute(window('410100'), { subjectId: org.id, scene: 'permit.application', sector: '', region: '' })).outcome).toBe('allow');
    // Lock joint measures' role out of this test's database: no new connections, current ones closed.
    // Every other service's role (one per schema in the template database) keeps its access.
    const others = (
      await db.query<{ role: string }>(
        `SELECT r.rolname AS role FROM pg_roles r JOIN pg_namespace n ON n.nspname = r.rolname WHERE r.rolname <> 'joint_measures'`,
      )
    ).map((r) => r.role);
    await db.query(`REVOKE CONNECT ON DATABASE "${db.name}" FROM PUBLIC`);
    for (const role of others) await db.query(`GRANT CONNECT ON DATABASE "${db.name}" TO "${role}"`);
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = 'joint_measures'`, [db.name]);
    const outcome = await decide.execute(window('410100'), { subjectId: org.id, scene: 'permit.application', sector: '', region: '' }).catch((e: unknown) => e);
    expect(outcome).toMatchObject({ code: 'DECISION.UNAVAILABLE', kind: 'unavailable' });
  });
});
