import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordRevokedV1, CreditRecordUpdatedV1, EvaluationCycleGradeRecordedV1, EventEnvelope, Events } from '@contracts';
import { addDays, WorkingDayCalendar } from '@domain/calendar';
import { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { BatchEventHandler, ConsumerSpec, EventHandler, InboxConsumer } from '@platform/messaging';
import { EventConsumers, OutboxPublisher } from '@platform/service';
import { chinaToday, cloneTestDatabase, daysAgo, eventually, isolatedMessaging, makeUscc, TestDatabase, TestMessaging } from '@platform/testing';
import { EntryRuleEngine } from '../entry-rules/application/entry-rule-engine';
import { EntryRuleStore } from '../entry-rules/application/entry-rule-store';
import { ApplyRecordFactsHandler } from '../entry-rules/application/apply-record-facts.handler';
import { subjectRecordsProvider } from '../entry-rules/application/entry-rules.tokens';
import { RecordCycleGradeHandler } from '../entry-rules/application/record-cycle-grade.handler';
import { WithdrawGradeHandler } from '../entry-rules/application/withdraw-grade.handler';
import { ReportFleetSizeHandler } from '../entry-rules/application/report-fleet-size.handler';
import { GradeEventsConsumer } from '../entry-rules/interface/grade-events.consumer';
import { RecordEventsConsumer } from '../entry-rules/interface/record-events.consumer';
import { SHIPPED_ENTRY_RULES } from '../entry-rules/domain/shipped-entry-rules';
import { configurationTables } from '../configuration/infrastructure/configuration.repository';
import { jointMeasuresDefinition } from '../joint-measures.definition';
import type { DecisionFactsCache } from '../facts-cache/application/facts-cache.tokens';
import { SubjectFactsCache } from '../facts-cache/application/subject-facts-cache';
import { ExpireListEntriesJob } from './application/expire-list-entries.job';
import { DecideListEntryHandler } from './application/decide-list-entry.handler';
import { ImportPartnerEntryHandler } from './application/import-partner-entry.handler';
import { ListPartnerEntriesHandler } from './application/list-partner-entries.handler';
import { WithdrawPartnerEntryHandler } from './application/withdraw-partner-entry.handler';
import { ListEntryChangesHandler } from './application/list-entry-changes.handler';
import { ListSubjectEntriesHandler } from './application/list-subject-entries.handler';
import { ProposeListEntryHandler } from './application/propose-list-entry.handler';
import { ListEntryLedger } from './application/list-entry-ledger';
import { DEFAULT_LIST_POLICIES, ListPolicies } from './domain/list-policy';

const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };

describe('credit lists filled by entry rules (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let messaging: TestMessaging;
  let store: EntryRuleStore;
  let engine: EntryRuleEngine;
  let propose: ProposeListEntryHandler;
  let decideEntry: DecideListEntryHandler;
  let importPartner: ImportPartnerEntryHandler;
  let partnerEntries: ListPartnerEntriesHandler;
  let withdrawPartner: WithdrawPartnerEntryHandler;
  let subjectEntries: ListSubjectEntriesHandler;
  let ledger: ListEntryLedger;
  let fleets: ReportFleetSizeHandler;
  const consumers: InboxConsumer[] = [];

  beforeAll(async () => {
    db = await cloneTestDatabase('measures-lists');
    ds = await db.dataSource(jointMeasuresDefinition);
    // Evaluation has announced Nanyang's driver grades (shipped-schemes.ts: ladder AAA-B): the bad-driver rules are active.
    await ds.transaction((m) =>
      configurationTables.putKnownScheme(
        m,
        { schemeId: 'nanyang-driver-grades', version: 1, ladderId: 'AAA-B', grades: ['AAA', 'AA', 'A', 'B'], sectors: [], regions: ['411300'] },
        { zh: '南阳驾驶员信用等级', en: 'Nanyang driver grades' },
        new Date().toISOString(),
      ),
    );
    messaging = await isolatedMessaging();
    ledger = new ListEntryLedger(
      new OutboxPublisher(jointMeasuresDefinition),
      new WorkingDayCalendar({ unknownYears: 'weekdays' }),
      new ListPolicies(DEFAULT_LIST_POLICIES),
    );
    store = new EntryRuleStore(ds);
    engine = new EntryRuleEngine(store, ledger);
    // Not live (no change feed): every read goes to the database; the cache is tested in decisions.int-spec.ts.
    const cache: DecisionFactsCache = new SubjectFactsCache({ ttlMs: 60_000, maxSubjects: 100 });
    propose = new ProposeListEntryHandler(ds, ledger, subjectRecordsProvider.useValue, cache);
    decideEntry = new DecideListEntryHandler(ds, ledger, cache);
    importPartner = new ImportPartnerEntryHandler(ds, ledger, cache);
    partnerEntries = new ListPartnerEntriesHandler(ds);
    withdrawPartner = new WithdrawPartnerEntryHandler(ds, ledger, cache);
    subjectEntries = new ListSubjectEntriesHandler(ds);
    fleets = new ReportFleetSizeHandler(ds, engine, cache);
    // The production handlers, registered as the service registers them, behind real durable consumers with an inbox.
    const registrar: Pick<EventConsumers, 'register' | 'consume'> = {
      consume: EventConsumers.prototype.consume,
      register: (spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler) =>
        void consumers.push(new InboxConsumer(ds, messaging.js, messaging.jsm, messaging.ns, { ...spec, ackWaitMs: 2000 }, handler, undefined, batchHandler)),
    };
    const handlers = new RecordEventsConsumer(registrar as EventConsumers, new ApplyRecordFactsHandler(engine, cache));
    handlers.onModuleInit();
    new GradeEventsConsumer(registrar as EventConsumers, new RecordCycleGradeHandler(engine, cache), new WithdrawGradeHandler(cache)).onModuleInit();
    for (const c of consumers) await c.start();
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await messaging?.cleanup();
    await db?.drop();
  });

  async function publish<T>(subject: string, subjectId: string, data: T, id: string = randomUUID()): Promise<string> {
    const envelope: EventEnvelope<T> = { id, type: subject, version: 1, occurredAt: new Date().toISOString(), subjectId, region: '410100', data };
    await messaging.js.publish(messaging.ns.subject(subject), JSON.stringify(envelope));
    return id;
  }

  function penalty(subject: CreditRecordCreatedV1['subject'], decisionDate: string, violationType = '违法超限运输'): CreditRecordCreatedV1 {
    return {
      recordId: randomUUID(),
      recordType: 'administrative-penalty',
      subject,
      region: '410100',
      severity: 'general',
      decisionDate,
      documentNumber: `郑交罚〔2026〕${Math.floor(Math.random() * 1e6)}号`,
      isPublic: true,
      summary: violationType,
      sourceClientId: 'zhengzhou',
      receivedAt: new Date().toISOString(),
      payload: { violationType, facts: '…', penaltyCategories: ['fine'], fineAmountFen: 100000 },
    };
  }
  const created = (r: CreditRecordCreatedV1) => publish(Events.CreditRecordCreated.subject, r.subject.id, r);
  const revoked = (r: CreditRecordCreatedV1) =>
    publish<CreditRecordRevokedV1>(Events.CreditRecordRevoked.subject, r.subject.id, {
      recordId: r.recordId,
      recordType: r.recordType,
      subject: r.subject,
      reason: 'wrong plate',
      version: 2,
      revokedBy: 'zhengzhou',
      revokedAt: new Date().toISOString(),
    });
  const entries = (subjectId: string) => subjectEntries.execute(zhengzhou, { subjectId });
  const seen = (recordId: string) => db.query(`SELECT 1 FROM joint_measures.subject_records WHERE record_id = $1`, [recordId]).then((r) => r.length === 1);
  const outboxTypes = (subjectId: string) =>
    db
      .query<{ type: string }>(`SELECT envelope->>'type' AS type FROM joint_measures.outbox WHERE envelope->>'subjectId' = $1 ORDER BY envelope->>'id'`, [
        subjectId,
      ])
      .then((r) => r.map((x) => x.type));

  it('proposes a severe-overload entry on the 4th overload in 12 months, once, with its basis and notice; revocations re-check it', async () => {
    const vehicle = { kind: 'vehicle' as const, id: `豫A${randomUUID().slice(0, 5).toUpperCase()}:yellow`, name: '豫A车辆' };
    const records = [daysAgo(300), daysAgo(200), daysAgo(100)].map((d) => penalty(vehicle, d));
    const stale = penalty(vehicle, daysAgo(400));
    const other = penalty(vehicle, daysAgo(10), '未按规定携带道路运输证');
    for (const r of [...records, stale, other]) await created(r);
    expect(
      await eventually(
        () => Promise.all([...records, stale, other].map((r) => seen(r.recordId))),
        (s) => s.every(Boolean),
      ),
    ).toEqual([true, true, true, true, true]);
    expect(await entries(vehicle.id)).toEqual([]);

    const fourth = penalty(vehicle, daysAgo(1));
    const fourthEventId = await created(fourth);
    const [entry] = await eventually(
      () => entries(vehicle.id),
      (e) => e.length === 1,
    );
    expect(entry).toMatchObject({
      listType: 'severe-dishonesty',
      status: 'proposed',
      origin: 'rule',
      ruleId: 'overload-more-than-3-in-12-months',
      durationMonths: 24,
      proposedOn: chinaToday(),
    });
    expect(entry.basis.map((b) => (b.kind === 'record' ? b.recordId : ''))).toEqual([...records, fourth].map((r) => r.recordId));
    expect(entry.noticeEndsOn > chinaToday()).toBe(true);
    expect(entry.grounds).toContain('交办公路〔2017〕8号');

    // A redelivered event and a 5th overload change nothing: one open entry per rule and subject.
    await publish(Events.CreditRecordCreated.subject, vehicle.id, fourth, fourthEventId);
    const fifth = penalty(vehicle, daysAgo(2));
    await created(fifth);
    await eventually(() => seen(fifth.recordId), Boolean);
    expect(await entries(vehicle.id)).toHaveLength(1);
    expect(await outboxTypes(vehicle.id)).toEqual(['measures.list-entries.proposed']);

    // 5 → 4 overloads: still more than 3, the entry stays with the record gone from its basis.
    await revoked(records[0]);
    await eventually(
      () => entries(vehicle.id).then((e) => e[0]?.basis.length),
      (n) => n === 4,
    );
    expect((await entries(vehicle.id))[0]).toMatchObject({ status: 'proposed' });
    // 4 → 3: the rule no longer holds; the entry is removed and the removal announced.
    await revoked(fourth);
    const [removed] = await eventually(
      () => entries(vehicle.id),
      (e) => e[0]?.status === 'removed',
    );
    expect(removed.removal).toEqual({ reason: 'basis-revoked', removedOn: chinaToday(), detail: `record ${fourth.recordId} was revoked` });
    expect(await outboxTypes(vehicle.id)).toEqual(['measures.list-entries.proposed', 'measures.list-entries.removed']);
  });

  it('a unit decides an entry only after notice; it is in force for 2 years and then swept away', async () => {
    const driver = { kind: 'person' as const, id: `41010019900101${String(Math.floor(Math.random() * 9000) + 1000)}`, name: '张三' };
    const records = [1, 2, 3, 4].map((d) => penalty(driver, daysAgo(d)));
    for (const r of records) await created(r);
    const [entry] = await eventually(
      () => entries(driver.id),
      (e) => e.length === 1,
    );

    const early = await decideEntry
      .execute(zhengzhou, { entryId: entry.id, outcome: 'confirm', documentNumber: '郑交信〔2026〕1号', reason: '', idempotencyKey: '' })
      .catch((e: unknown) => e);
    expect(early).toMatchObject({ code: 'LIST_ENTRY.NOTICE_PERIOD_RUNNING', kind: 'precondition' });
    const luoyang: Principal = { ...zhengzhou, clientId: 'luoyang', region: '410300' };
    expect(
      await decideEntry.execute(luoyang, { entryId: entry.id, outcome: 'drop', documentNumber: '', reason: '', idempotencyKey: '' }).catch((e: unknown) => e),
    ).toMatchObject({ kind: 'forbidden' });

    // The notice period has run out (moved back in the database; the clock is the real one).
    await db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = $2 WHERE id = $1`, [entry.id, daysAgo(1)]);
    const { entry: confirmed } = await decideEntry.execute(zhengzhou, {
      entryId: entry.id,
      outcome: 'confirm',
      documentNumber: '郑交信〔2026〕1号',
      reason: '当事人未陈述申辩',
      idempotencyKey: '',
    });
    expect(confirmed).toMatchObject({
      status: 'effective',
      startsOn: chinaToday(),
      decision: { outcome: 'confirmed', decidedBy: 'zhengzhou', documentNumber: '郑交信〔2026〕1号' },
    });
    expect(confirmed.endsOn! > chinaToday()).toBe(true);

    const job = new ExpireListEntriesJob(ds, ledger, { LIST_EXPIRY_SWEEP_MS: 60_000 } as never);
    expect(await job.run(confirmed.endsOn!)).toBe(0);
    const dayAfter = addDays(confirmed.endsOn!, 1);
    expect(await job.run(dayAfter)).toBeGreaterThanOrEqual(1);
    expect((await entries(driver.id))[0]).toMatchObject({ status: 'removed', removal: { reason: 'expiry' } });
    expect(await outboxTypes(driver.id)).toEqual(['measures.list-entries.proposed', 'measures.list-entries.effective', 'measures.list-entries.removed']);
  });

  it('refuses a manual entry for an unknown subject or with a record about someone else', async () => {
    const unknown = await propose
      .execute(zhengzhou, {
        listType: 'key-watch',
        subjectId: makeUscc(),
        basisRecordIds: [randomUUID()],
        grounds: '多次投诉',
        durationMonths: 0,
        idempotencyKey: '',
      })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'LIST_ENTRY.UNKNOWN_SUBJECT', kind: 'not-found' });

    const org = { kind: 'org' as const, id: makeUscc(), name: '郑州某物流有限公司' };
    const own = penalty(org, daysAgo(5), '未按规定进行车辆维护');
    const foreign = penalty({ ...org, id: makeUscc() }, daysAgo(5));
    await created(own);
    await created(foreign);
    await eventually(
      () => Promise.all([seen(own.recordId), seen(foreign.recordId)]),
      (s) => s.every(Boolean),
    );
    const mixed = await propose
      .execute(zhengzhou, {
        listType: 'key-watch',
        subjectId: org.id,
        basisRecordIds: [own.recordId, foreign.recordId],
        grounds: '多次违规',
        durationMonths: 0,
        idempotencyKey: '',
      })
      .catch((e: unknown) => e);
    expect((mixed as DomainError).violations).toEqual([{ field: 'basisRecordIds[1]', message: 'no record with this id about the subject' }]);
    const { entry } = await propose.execute(zhengzhou, {
      listType: 'key-watch',
      subjectId: org.id,
      basisRecordIds: [own.recordId],
      grounds: '多次违规',
      durationMonths: 0,
      idempotencyKey: '',
    });
    expect(entry).toMatchObject({ origin: 'manual', status: 'proposed', durationMonths: 12, subject: org });
  });

  it('refuses a rule set counting an unknown record type, and applies an uploaded one from the next event', async () => {
    const bad = [{ ...SHIPPED_ENTRY_RULES[0], match: { recordType: 'parking-ticket' } }];
    // A dangling reference: 422 naming it (ADR 0043), nothing stored.
    await expect(store.upload(bad, 'admin')).rejects.toMatchObject({
      code: 'CONFIG.DANGLING_REFERENCE',
      kind: 'precondition',
      violations: [expect.objectContaining({ field: 'rules[0].match.recordType', message: expect.stringContaining('"parking-ticket"') })],
    });
    expect((await store.current()).version).toBe(0);

    // A city tightens the overload rule to "2 or more" (an uploaded LOCAL variant).
    const stricter = SHIPPED_ENTRY_RULES.map((r) =>
      r.id === 'overload-more-than-3-in-12-months' ? { ...r, id: 'overload-2-or-more', threshold: { atLeast: 2 }, scope: 'local' } : r,
    );
    const set = await store.upload(stricter, 'admin');
    expect(set.version).toBeGreaterThanOrEqual(1);
    const vehicle = { kind: 'vehicle' as const, id: `豫B${randomUUID().slice(0, 5).toUpperCase()}:yellow`, name: '豫B车辆' };
    await created(penalty(vehicle, daysAgo(3)));
    await created(penalty(vehicle, daysAgo(2)));
    const [entry] = await eventually(
      () => entries(vehicle.id),
      (e) => e.length === 1,
    );
    expect(entry.ruleId).toBe('overload-2-or-more');
    await ds.query(`DELETE FROM entry_rule_sets`);
  });

  it('puts a driver on the bad-driver list after two consecutive B cycles (grade interface)', async () => {
    const driver = { kind: 'person' as const, id: '410100199001011234', name: '李四', region: '411300' };
    const first = await ds.transaction((m) =>
      engine.onCycleGrade(m, driver, { schemeId: 'nanyang-driver-grades', cycle: '2025', grade: 'B', pointsDeducted: 8 }, chinaToday()),
    );
    expect(first).toEqual([]);
    const second = await ds.transaction((m) =>
      engine.onCycleGrade(m, driver, { schemeId: 'nanyang-driver-grades', cycle: '2026', grade: 'B', pointsDeducted: 6 }, chinaToday()),
    );
    expect(second).toEqual([expect.objectContaining({ listType: 'bad-driver', ruleId: 'driver-two-consecutive-b-cycles', region: '411300' })]);
    expect(second[0].basis).toEqual([
      { kind: 'grade', schemeId: 'nanyang-driver-grades', cycle: '2025', grade: 'B', pointsDeducted: 8 },
      { kind: 'grade', schemeId: 'nanyang-driver-grades', cycle: '2026', grade: 'B', pointsDeducted: 6 },
    ]);
  });

  function cycleGrade(driver: { id: string; name: string }, cycle: string, grade: string, pointsDeducted: number): EvaluationCycleGradeRecordedV1 {
    return {
      cycleId: randomUUID(),
      schemeId: 'nanyang-driver-grades',
      schemeVersion: 1,
      subject: { kind: 'person', id: driver.id, name: driver.name },
      region: '411300',
      cycle: { label: cycle, start: `${cycle}-01-01`, end: `${cycle}-12-31` },
      grade,
      score: 60,
      pointsDeducted,
      recordedAt: new Date().toISOString(),
    };
  }
  const graded = (g: EvaluationCycleGradeRecordedV1) => publish(Events.EvaluationCycleGradeRecorded.subject, g.subject.id, g);

  it('proposes a bad-driver entry from evaluation.cycle-grades.recorded: 20 points in one cycle, or two consecutive B cycles', async () => {
    const heavy = { id: `41130019880101${String(Math.floor(Math.random() * 9000) + 1000)}`, name: '王五' };
    await graded(cycleGrade(heavy, '2025', 'A', 19));
    await eventually(
      () => db.query(`SELECT 1 FROM joint_measures.subject_grades WHERE subject_id = $1`, [heavy.id]).then((r) => r.length),
      (n) => n === 1,
    );
    expect(await entries(heavy.id)).toEqual([]);
    await graded(cycleGrade(heavy, '2026', 'A', 20));
    const [entry] = await eventually(
      () => entries(heavy.id),
      (e) => e.length === 1,
    );
    expect(entry).toMatchObject({
      listType: 'bad-driver',
      status: 'proposed',
      ruleId: 'driver-20-points-in-one-cycle',
      region: '411300',
      subject: { kind: 'person', id: heavy.id, name: '王五' },
    });
    expect(entry.basis).toEqual([{ kind: 'grade', schemeId: 'nanyang-driver-grades', cycle: '2026', grade: 'A', pointsDeducted: 20 }]);

    const twoB = { id: `41130019890101${String(Math.floor(Math.random() * 9000) + 1000)}`, name: '赵六' };
    const first = cycleGrade(twoB, '2025', 'B', 6);
    const firstId = await graded(first);
    await eventually(
      () => db.query(`SELECT 1 FROM joint_measures.subject_grades WHERE subject_id = $1`, [twoB.id]).then((r) => r.length),
      (n) => n === 1,
    );
    // The same event again (redelivery) is not a second B cycle.
    await publish(Events.EvaluationCycleGradeRecorded.subject, twoB.id, first, firstId);
    await graded(cycleGrade(twoB, '2026', 'B', 4));
    const [bad] = await eventually(
      () => entries(twoB.id),
      (e) => e.length === 1,
    );
    expect(bad).toMatchObject({ listType: 'bad-driver', ruleId: 'driver-two-consecutive-b-cycles' });
    expect(bad.basis.map((b) => (b.kind === 'grade' ? b.cycle : ''))).toEqual(['2025', '2026']);
  });

  it('a repaired record (credit.records.updated, status repaired) stops counting: the entry resting on it is removed for repair', async () => {
    const vehicle = { kind: 'vehicle' as const, id: `豫C${randomUUID().slice(0, 5).toUpperCase()}:yellow`, name: '豫C车辆' };
    const records = [40, 30, 20, 10].map((d) => penalty(vehicle, daysAgo(d)));
    for (const r of records) await created(r);
    const [entry] = await eventually(
      () => entries(vehicle.id),
      (e) => e.length === 1,
    );
    expect(entry.status).toBe('proposed');
    const repaired: CreditRecordUpdatedV1 = {
      ...records[2],
      status: 'repaired',
      change: 'repaired',
      version: 2,
      changes: {},
      changedBy: 'zhengzhou',
      changedAt: new Date().toISOString(),
    };
    await publish(Events.CreditRecordUpdated.subject, vehicle.id, repaired);
    const [removed] = await eventually(
      () => entries(vehicle.id),
      (e) => e[0]?.status === 'removed',
    );
    expect(removed.removal).toEqual({ reason: 'repair', removedOn: chinaToday(), detail: `record ${records[2].recordId} was repaired (信用修复)` });
    const [row] = await db.query<{ standing: boolean; ended_reason: string }>(
      `SELECT standing, ended_reason FROM joint_measures.subject_records WHERE record_id = $1`,
      [records[2].recordId],
    );
    expect(row).toEqual({ standing: false, ended_reason: 'repaired' });
  });

  it('a revoked repair (change repair-revoked, issue 19 item 8) makes the record count again: the entry the repair lifted is proposed again', async () => {
    const vehicle = { kind: 'vehicle' as const, id: `豫C${randomUUID().slice(0, 5).toUpperCase()}:yellow`, name: '豫C车辆' };
    const records = [40, 30, 20, 10].map((d) => penalty(vehicle, daysAgo(d)));
    for (const r of records) await created(r);
    await eventually(
      () => entries(vehicle.id),
      (e) => e.length === 1,
    );
    const update = (status: string, change: string, version: number): CreditRecordUpdatedV1 => ({
      ...records[2],
      status,
      change,
      version,
      changes: {},
      changedBy: 'zhengzhou',
      changedAt: new Date().toISOString(),
    });
    await publish(Events.CreditRecordUpdated.subject, vehicle.id, update('repaired', 'repaired', 2));
    await eventually(
      () => entries(vehicle.id),
      (e) => e[0]?.status === 'removed',
    );
    await publish(Events.CreditRecordUpdated.subject, vehicle.id, update('active', 'repair-revoked', 3));
    const after = await eventually(
      () => entries(vehicle.id),
      (e) => e.some((x) => x.status === 'proposed'),
    );
    expect(after.map((e) => e.status).sort()).toEqual(['proposed', 'removed']);
    const [row] = await db.query<{ standing: boolean; ended_reason: string | null }>(
      `SELECT standing, ended_reason FROM joint_measures.subject_records WHERE record_id = $1`,
      [records[2].recordId],
    );
    expect(row).toEqual({ standing: true, ended_reason: null });
  });

  it('honours Idempotency-Key on list writes: a retry returns the first answer, the same key for another request is refused', async () => {
    const org = { kind: 'org' as const, id: makeUscc(), name: '郑州某汽车运输有限公司' };
    const record = penalty(org, daysAgo(6), '未按规定进行车辆维护');
    await created(record);
    await eventually(() => seen(record.recordId), Boolean);
    const ask = {
      listType: 'key-watch',
      subjectId: org.id,
      basisRecordIds: [record.recordId],
      grounds: '多次违规',
      durationMonths: 0,
      idempotencyKey: `k-${randomUUID()}`,
    };
    const first = await propose.execute(zhengzhou, ask);
    const retry = await propose.execute(zhengzhou, ask);
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ replayed: true, entry: first.entry });
    expect(await entries(org.id)).toHaveLength(1);
    // Another client's identical key is its own.
    const luoyang: Principal = { ...zhengzhou, clientId: 'henan', region: '410000' };
    expect((await propose.execute(luoyang, ask)).replayed).toBe(false);
    const reused = await propose.execute(zhengzhou, { ...ask, grounds: '另一理由' }).catch((e: unknown) => e);
    expect(reused).toMatchObject({
      code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
      kind: 'precondition',
      violations: [expect.objectContaining({ field: 'Idempotency-Key' })],
    });

    // A decision retried after it took effect answers as the first time (a second confirm would be refused).
    await db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = $2 WHERE id = $1`, [first.entry.id, daysAgo(1)]);
    const decision = { entryId: first.entry.id, outcome: 'confirm', documentNumber: '郑交信〔2026〕9号', reason: '', idempotencyKey: `d-${randomUUID()}` };
    const confirmed = await decideEntry.execute(zhengzhou, decision);
    expect(confirmed).toMatchObject({ replayed: false, entry: { status: 'effective' } });
    expect(await decideEntry.execute(zhengzhou, decision)).toEqual({ replayed: true, entry: confirmed.entry });
    expect(await decideEntry.execute(zhengzhou, { ...decision, idempotencyKey: '' }).catch((e: unknown) => e)).toMatchObject({
      code: 'LIST_ENTRY.NOT_PROPOSED',
    });
    expect(await decideEntry.execute(zhengzhou, { ...decision, outcome: 'drop' }).catch((e: unknown) => e)).toMatchObject({
      code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('a carrier with more than 10 % of its reported fleet violating in a year, and ordered to suspend, is proposed for the severe list', async () => {
    const carrier = { kind: 'org' as const, id: makeUscc(), name: '郑州某重型货运有限公司' };
    const finding = (plate: string, days: number): CreditRecordCreatedV1 => ({
      ...penalty(carrier, daysAgo(days)),
      recordType: 'oversize-transport-violation',
      isPublic: false,
      payload: { violationType: 'overweight', permitNumber: '豫超限〔2026〕0001', detectedAt: new Date().toISOString(), plate, plateColour: 'yellow' },
    });
    const findings = [finding('豫A20001', 90), finding('豫A20001', 60), finding('豫A20002', 30), finding('豫A20003', 10)];
    const suspension = {
      ...penalty(carrier, daysAgo(5)),
      severity: 'severe' as const,
      payload: { violationType: '违法超限运输', penaltyCategories: ['fine', 'production-suspension'], fineAmountFen: 3_000_000 },
    };
    for (const r of [...findings, suspension]) await created(r);
    await eventually(
      () => Promise.all([...findings, suspension].map((r) => seen(r.recordId))),
      (s) => s.every(Boolean),
    );
    // No fleet reported: the share cannot be known, nothing is proposed.
    expect((await entries(carrier.id)).filter((e) => e.ruleId === 'carrier-fleet-over-10-percent-overloading')).toEqual([]);

    // 3 vehicles of 30 is exactly 10 %: not "more than".
    expect(await fleets.execute(zhengzhou, { subjectId: carrier.id, vehicles: 30, asOf: daysAgo(20), source: '道路运输管理信息系统' })).toMatchObject({
      stored: true,
      proposed: [],
    });
    // An older report changes nothing.
    expect(await fleets.execute(zhengzhou, { subjectId: carrier.id, vehicles: 20, asOf: daysAgo(40), source: '年审台账' })).toMatchObject({
      stored: false,
      fleet: { vehicles: 30 },
      proposed: [],
    });
    // 3 of 29: more than 10 %.
    const report = await fleets.execute(zhengzhou, { subjectId: carrier.id, vehicles: 29, asOf: daysAgo(1), source: '道路运输管理信息系统' });
    expect(report.proposed).toEqual([
      expect.objectContaining({ listType: 'severe-dishonesty', ruleId: 'carrier-fleet-over-10-percent-overloading', status: 'proposed', durationMonths: 24 }),
    ]);
    const [entry] = report.proposed;
    expect(entry.grounds).toContain('违法超限运输车辆3辆，车辆总数29辆');
    expect(entry.basis.map((b) => (b.kind === 'record' ? b.recordId : ''))).toEqual([...findings, suspension].map((r) => r.recordId));

    // Revoking the suspension order: the rule no longer holds, the entry is removed.
    await revoked(suspension);
    const removed = await eventually(
      () => entries(carrier.id),
      (e) => e.find((x) => x.id === entry.id)?.status === 'removed',
    );
    expect(removed.find((x) => x.id === entry.id)!.removal).toMatchObject({ reason: 'basis-revoked' });

    await expect(fleets.execute(zhengzhou, { subjectId: makeUscc(), vehicles: 10, asOf: daysAgo(1), source: 'x' })).rejects.toMatchObject({
      code: 'LIST_ENTRY.UNKNOWN_SUBJECT',
    });
    await expect(fleets.execute(zhengzhou, { subjectId: carrier.id, vehicles: 0, asOf: '2026-13-01', source: '' })).rejects.toMatchObject({
      code: 'LIST_ENTRY.INVALID',
      violations: [{ field: 'vehicles' }, { field: 'asOf' }, { field: 'source' }].map((v) => expect.objectContaining(v)),
    });
    const luoyang: Principal = { ...zhengzhou, clientId: 'luoyang', region: '410300' };
    await expect(fleets.execute(luoyang, { subjectId: carrier.id, vehicles: 10, asOf: daysAgo(0), source: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('recognises a partner region entry once, with its provenance', async () => {
    const suzhou: Principal = { clientId: 'suzhou', kind: 'partner', scopes: ['exchange:write'], region: '320500' };
    const request = {
      listType: 'key-watch',
      subject: { kind: 'org', id: makeUscc('320500'), name: '苏州某运输公司' },
      region: '320500',
      grounds: '苏州市重点关注名单',
      provenance: { partnerRegion: '320500', partnerName: '苏州市交通运输局', sourceReference: `SZ-KW-${randomUUID().slice(0, 8)}`, decidedOn: daysAgo(30) },
      startsOn: daysAgo(30),
      endsOn: '',
      recognition: { outcome: 'applied', agreement: 'suzhou-key-watch', reason: 'seed 004', maxTermMonths: 12 },
    };
    const first = await importPartner.execute(suzhou, request);
    expect(first).toMatchObject({ replayed: false, entry: { status: 'effective', origin: 'partner-import', provenance: request.provenance } });
    const again = await importPartner.execute(suzhou, request);
    expect(again).toMatchObject({ replayed: true, entry: { id: first.entry.id } });
    const wuxi = await importPartner.execute(suzhou, { ...request, provenance: { ...request.provenance, partnerRegion: '320200' } }).catch((e: unknown) => e);
    expect(wuxi).toMatchObject({ kind: 'forbidden' });
    // A subject that cannot exist (wrong USCC check character) is refused, as is a missing provenance.
    const id = request.subject.id;
    const wrongCheck = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    const fake = await importPartner.execute(suzhou, { ...request, subject: { ...request.subject, id: wrongCheck } }).catch((e: unknown) => e);
    expect(fake).toMatchObject({ code: 'LIST_ENTRY.INVALID', violations: [expect.objectContaining({ field: 'subject.id' })] });
    const noProvenance = await importPartner.execute(suzhou, { ...request, provenance: undefined }).catch((e: unknown) => e);
    expect(noProvenance).toMatchObject({ code: 'LIST_ENTRY.INVALID', violations: [expect.objectContaining({ field: 'provenance' })] });
  });

  // Issue 20 item 1 (the found defect): a partner's entry is the partner's, applied only under the agreement.
  describe('partner entries under recognition agreements (issue 20, ADR 0067)', () => {
    const hubei: Principal = { clientId: 'hubei', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '420000' };
    const henanCarrier = () => ({ kind: 'org', id: makeUscc('410100'), name: '郑州某运输公司' });
    const entryOf = (
      subject: { kind: string; id: string; name: string },
      recognition?: { outcome: string; agreement: string; reason: string; maxTermMonths: number },
    ) => ({
      listType: 'key-watch',
      subject,
      region: '',
      grounds: '湖北省重点关注名单',
      provenance: { partnerRegion: '420000', partnerName: '湖北省交通运输厅', sourceReference: `鄂交信-${randomUUID().slice(0, 8)}`, decidedOn: daysAgo(10) },
      startsOn: daysAgo(10),
      endsOn: '',
      recognition,
    });
    const outbox = async (entryId: string): Promise<string[]> =>
      (
        await ds.query(`SELECT envelope->>'type' AS type FROM joint_measures.outbox WHERE envelope->'data'->>'entryId' = $1 ORDER BY envelope->>'id'`, [
          entryId,
        ])
      ).map((r: { type: string }) => r.type);

    it('stores an entry outside the agreement as not applied: never in force, never announced, listed for admins', async () => {
      const subject = henanCarrier();
      const { entry } = await importPartner.execute(
        hubei,
        entryOf(subject, { outcome: 'not-applied', agreement: 'hubei-demo', reason: 'only Hubei subjects', maxTermMonths: 24 }),
      );
      expect(entry).toMatchObject({
        status: 'not-applied',
        origin: 'partner-import',
        region: '420000',
        recognition: { outcome: 'not-applied', agreement: 'hubei-demo' },
      });
      // Not anyone's decision here: nothing announced (disclosure never publishes it), nothing in force.
      expect(await outbox(entry.id)).toEqual([]);
      const listed = await subjectEntries.execute(zhengzhou, { subjectId: subject.id });
      expect(listed.map((e) => e.status)).toEqual(['not-applied']);
      const admin: Principal = { clientId: 'admin', kind: 'admin', scopes: ['admin'], region: '410000' };
      expect((await partnerEntries.execute(admin, { entryId: '', state: 'not-applied' })).map((e) => e.id)).toContain(entry.id);
    });

    it('treats an import with no recognition at all as not applied (fail safe)', async () => {
      const { entry } = await importPartner.execute(hubei, entryOf(henanCarrier()));
      expect(entry.status).toBe('not-applied');
    });

    it('an applied entry sent without an end lasts the agreement maximum term, and its sender withdraws it', async () => {
      const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉某运输公司' };
      const request = entryOf(subject, { outcome: 'applied', agreement: 'hubei-demo', reason: 'recognised', maxTermMonths: 24 });
      const { entry } = await importPartner.execute(hubei, request);
      expect(entry.status).toBe('effective');
      const start = new Date(`${request.startsOn}T00:00:00Z`);
      start.setUTCMonth(start.getUTCMonth() + 24);
      start.setUTCDate(start.getUTCDate() - 1);
      expect(entry.endsOn).toBe(start.toISOString().slice(0, 10));
      expect((await partnerEntries.execute(hubei, { entryId: entry.id, state: '' }))[0].id).toBe(entry.id);
      // Another partner neither reads nor withdraws it: it reads as absent.
      const hunan: Principal = { ...hubei, clientId: 'hunan', region: '430000' };
      await expect(partnerEntries.execute(hunan, { entryId: entry.id, state: '' })).rejects.toMatchObject({ code: 'LIST_ENTRY.NOT_FOUND' });
      // Found by the sender's own reference (the feed puller's withdrawal, ADR 0080); another sender's reference finds nothing.
      const reference = request.provenance.sourceReference;
      expect((await partnerEntries.execute(hubei, { entryId: '', state: '', sourceReference: reference })).map((e) => e.id)).toEqual([entry.id]);
      expect(await partnerEntries.execute(hunan, { entryId: '', state: '', sourceReference: reference })).toEqual([]);
      await expect(withdrawPartner.execute(hunan, { entryId: entry.id, reason: '' })).rejects.toMatchObject({ code: 'LIST_ENTRY.NOT_FOUND' });
      const withdrawn = await withdrawPartner.execute(hubei, { entryId: entry.id, reason: '复核撤销' });
      expect(withdrawn).toMatchObject({ replayed: false, entry: { status: 'removed', removal: { reason: 'partner-withdrawn' } } });
      expect(await outbox(entry.id)).toEqual(['measures.list-entries.effective', 'measures.list-entries.removed']);
      expect(await withdrawPartner.execute(hubei, { entryId: entry.id, reason: '' })).toMatchObject({ replayed: true });
      expect(await outbox(entry.id)).toHaveLength(2);
    });

    it('every state an entry passes through is a change, in commit order after a position (ADR 0068)', async () => {
      const feed = new ListEntryChangesHandler(ds);
      const { head: before } = await feed.execute(hubei, { after: '0', limit: 1 });
      const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉某货运公司' };
      const { entry } = await importPartner.execute(
        hubei,
        entryOf(subject, { outcome: 'applied', agreement: 'hubei-demo', reason: 'recognised', maxTermMonths: 24 }),
      );
      const imported = await feed.execute(hubei, { after: before, limit: 500 });
      expect(imported.changes.filter((c) => c.entry.id === entry.id).map((c) => [c.entry.status, c.entry.version])).toEqual([['effective', 1]]);
      await withdrawPartner.execute(hubei, { entryId: entry.id, reason: '' });
      // Resumed after the position read, the reader gets the withdrawal: nothing lost, nothing repeated.
      const read = await feed.execute(hubei, { after: imported.head, limit: 500 });
      expect(read.changes.filter((c) => c.entry.id === entry.id).map((c) => [c.entry.status, c.entry.version])).toEqual([['removed', 2]]);
      // Read from before both, the log is compacted: the entry's newest state, once.
      const compacted = await feed.execute(hubei, { after: before, limit: 500 });
      expect(compacted.changes.filter((c) => c.entry.id === entry.id).map((c) => c.entry.status)).toEqual(['removed']);
      const positions = read.changes.map((c) => BigInt(c.position));
      expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(BigInt(read.head)).toBe(positions[positions.length - 1]);
      // Resuming after the last position read gives nothing more.
      expect((await feed.execute(hubei, { after: read.head, limit: 500 })).changes).toEqual([]);
      await expect(feed.execute(hubei, { after: 'x', limit: 1 })).rejects.toMatchObject({ code: 'LIST_ENTRY.INVALID' });
    });

    describe('a newer version from the sender updates the entry held (ADR 0087)', () => {
      const applied = { outcome: 'applied', agreement: 'hubei-demo', reason: 'recognised', maxTermMonths: 24 };
      const wuhanCarrier = () => ({ kind: 'org', id: makeUscc('420100'), name: '武汉某物流公司' });
      /** The last day of a term of `months` from `start`: the day before the same date `months` later (docs/exchange.md maxTermMonths). */
      const lastDayOf = (start: string, months: number) => {
        const end = new Date(`${start}T00:00:00Z`);
        end.setUTCMonth(end.getUTCMonth() + months);
        return addDays(end.toISOString().slice(0, 10), -1);
      };
      const stored = async (entryId: string) => (await partnerEntries.execute(hubei, { entryId, state: '' }))[0];

      it('an older or the same version changes nothing; the same content is a replay; other content needs a higher version', async () => {
        const v2 = { ...entryOf(wuhanCarrier(), applied), endsOn: addDays(chinaToday(), 200), sourceVersion: 2 };
        const { entry } = await importPartner.execute(hubei, v2);
        expect(entry).toMatchObject({ status: 'effective', sourceVersion: 2, endsOn: v2.endsOn });
        const older = await importPartner.execute(hubei, { ...v2, endsOn: addDays(chinaToday(), 400), sourceVersion: 1 });
        expect(older).toMatchObject({ replayed: true, change: 'replayed', entry: { id: entry.id, endsOn: v2.endsOn, sourceVersion: 2, version: 1 } });
        expect(await importPartner.execute(hubei, v2)).toMatchObject({ replayed: true, change: 'replayed', entry: { version: 1 } });
        const sameVersionOtherTerm = await importPartner.execute(hubei, { ...v2, endsOn: addDays(chinaToday(), 400) }).catch((e: unknown) => e);
        expect(sameVersionOtherTerm).toMatchObject({ code: 'LIST_ENTRY.REFERENCE_REUSED', kind: 'conflict' });
        expect(await stored(entry.id)).toMatchObject({ endsOn: v2.endsOn, sourceVersion: 2, version: 1 });
        expect(await outbox(entry.id)).toEqual(['measures.list-entries.effective']);
      });

      it('applies another term under the agreement again (its maximum term for an open end) and announces it', async () => {
        const v1 = { ...entryOf(wuhanCarrier(), applied), endsOn: addDays(chinaToday(), 30), sourceVersion: 1 };
        const { entry } = await importPartner.execute(hubei, v1);
        // The partner extends it with no end: the agreement's 24 months from its (unchanged) start.
        const v2 = { ...v1, endsOn: '', sourceVersion: 2 };
        const updated = await importPartner.execute(hubei, v2);
        expect(updated).toMatchObject({
          replayed: false,
          change: 'updated',
          entry: { id: entry.id, status: 'effective', startsOn: v1.startsOn, endsOn: lastDayOf(v1.startsOn, 24), sourceVersion: 2, version: 2 },
        });
        expect(updated.entry.partnerUpdates).toEqual([expect.objectContaining({ sourceVersion: 2, change: 'term', appliedOn: chinaToday() })]);
        expect(await outbox(entry.id)).toEqual(['measures.list-entries.effective', 'measures.list-entries.effective']);
        // The agreement now only informs: the entry is no longer applied here and is announced as removed.
        const informed = await importPartner.execute(hubei, {
          ...v2,
          startsOn: daysAgo(5),
          sourceVersion: 3,
          recognition: { ...applied, outcome: 'not-applied', reason: 'inform only' },
        });
        expect(informed.entry).toMatchObject({ status: 'not-applied', startsOn: daysAgo(5), version: 3, recognition: { outcome: 'not-applied' } });
        expect(await outbox(entry.id)).toEqual(['measures.list-entries.effective', 'measures.list-entries.effective', 'measures.list-entries.removed']);
      });

      it('restores an entry the partner withdrew when a newer version is in force again, with the audit of why', async () => {
        const v1 = { ...entryOf(wuhanCarrier(), applied), endsOn: addDays(chinaToday(), 300), sourceVersion: 1 };
        const { entry } = await importPartner.execute(hubei, v1);
        await withdrawPartner.execute(hubei, { entryId: entry.id, reason: '信用修复' });
        const restored = await importPartner.execute(hubei, { ...v1, sourceVersion: 3 });
        expect(restored).toMatchObject({ replayed: false, change: 'restored', entry: { id: entry.id, status: 'effective', removal: null, version: 3 } });
        expect(restored.entry.partnerUpdates).toEqual([expect.objectContaining({ sourceVersion: 3, change: 'restored' })]);
        expect(restored.entry.partnerUpdates[0].detail).toContain('信用修复');
        expect((await subjectEntries.execute(zhengzhou, { subjectId: entry.subject.id })).map((e) => e.status)).toEqual(['effective']);
        expect(await outbox(entry.id)).toEqual(['measures.list-entries.effective', 'measures.list-entries.removed', 'measures.list-entries.effective']);
        // The same newer version again changes nothing.
        expect(await importPartner.execute(hubei, { ...v1, sourceVersion: 3 })).toMatchObject({ replayed: true, entry: { version: 3 } });
        expect(await outbox(entry.id)).toHaveLength(3);
      });

      it('does not restore an entry removed here for our own reason (expiry): refused, left as it is', async () => {
        const v1 = { ...entryOf(wuhanCarrier(), applied), startsOn: daysAgo(40), endsOn: daysAgo(2), sourceVersion: 1 };
        const { entry } = await importPartner.execute(hubei, v1);
        await new ExpireListEntriesJob(ds, ledger, { LIST_EXPIRY_SWEEP_MS: 60_000 } as never).run();
        expect(await stored(entry.id)).toMatchObject({ status: 'removed', removal: { reason: 'expiry' } });
        const extended = await importPartner.execute(hubei, { ...v1, endsOn: addDays(chinaToday(), 90), sourceVersion: 2 }).catch((e: unknown) => e);
        expect(extended).toMatchObject({ code: 'LIST_ENTRY.REMOVED_HERE', kind: 'conflict' });
        expect(await stored(entry.id)).toMatchObject({ status: 'removed', endsOn: daysAgo(2), sourceVersion: 1 });
      });

      it('another sender cannot update it: its region is not the entry’s partner', async () => {
        const v1 = { ...entryOf(wuhanCarrier(), applied), endsOn: addDays(chinaToday(), 100), sourceVersion: 1 };
        const { entry } = await importPartner.execute(hubei, v1);
        const hunan: Principal = { ...hubei, clientId: 'hunan', region: '430000' };
        const refused = await importPartner.execute(hunan, { ...v1, endsOn: addDays(chinaToday(), 500), sourceVersion: 9 }).catch((e: unknown) => e);
        expect(refused).toMatchObject({ kind: 'forbidden' });
        expect(await stored(entry.id)).toMatchObject({ endsOn: v1.endsOn, sourceVersion: 1, version: 1 });
      });
    });

    it('refuses an entry naming a region that is not the sender’s (the found defect: a Henan region from a Hubei client)', async () => {
      const refused = await importPartner.execute(hubei, { ...entryOf(henanCarrier()), region: '410100' }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ kind: 'forbidden', violations: [expect.objectContaining({ field: 'region' })] });
    });
  });
});
