import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CreditRecordCreatedV1, CreditRecordRevokedV1, CreditRecordUpdatedV1, EvaluationGradeChangedV1, EventEnvelope, Events, ListEntryV1 } from '@contracts';
import { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { addMonths } from '@domain/calendar';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { SHIPPED_SCHEMES, ZHENGZHOU_TAXI_DRIVER_STARS } from '../engine/domain/shipped-schemes';
import { evaluationDefinition } from '../evaluation.definition';
import { PutSchemeHandler } from '../schemes/application/put-scheme.handler';
import { SchemeAnnouncements } from '../schemes/application/scheme-announcements';
import { SchemeRegistry } from '../schemes/application/scheme-registry';
import { GetSubjectEvaluationsHandler } from './application/get-subject-evaluations.handler';
import { ApplyListEntryEventHandler } from './application/apply-list-entry-event.handler';
import { ApplyRecordEventHandler } from './application/apply-record-event.handler';
import { StandingCalculator } from './application/standing-calculator';
import { RefreshStandingsJob } from './application/refresh-standings.job';
import { registerInEverySector } from './registrations.fixture';

/**
 * Schemes and standings against a real PostgreSQL (evaluation's own schema, migrated):
 * publication is atomic with one active version, record events move standings and write
 * `evaluation.grade.changed` to the outbox, explanations and as-of answers come back.
 * (Delivery over JetStream is covered end to end in test/e2e/evaluation.e2e-spec.ts.)
 */
describe('evaluation schemes and standings (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let registry: SchemeRegistry;
  let putScheme: PutSchemeHandler;
  let records: ApplyRecordEventHandler;
  let lists: ApplyListEntryEventHandler;
  let query: GetSubjectEvaluationsHandler;
  let refresher: RefreshStandingsJob;

  const regulator: Principal = { clientId: 'henan-regulator', kind: 'admin', scopes: ['admin'], region: '410000' };
  const zhengzhouReader: Principal = { clientId: 'zz', kind: 'integrator', scopes: ['evaluations:read'], region: '410100' };
  const luoyangReader: Principal = { clientId: 'ly', kind: 'integrator', scopes: ['evaluations:read'], region: '410300' };

  beforeAll(async () => {
    db = await cloneTestDatabase('evaluation');
    dataSource = await db.dataSource(evaluationDefinition);
    registry = new SchemeRegistry(dataSource);
    await registry.onModuleInit();
    putScheme = new PutSchemeHandler(dataSource, new SchemeAnnouncements(new OutboxPublisher(evaluationDefinition as ServiceDefinition)));
    const calculator = new StandingCalculator(registry, new OutboxPublisher(evaluationDefinition as ServiceDefinition));
    records = new ApplyRecordEventHandler(calculator);
    lists = new ApplyListEntryEventHandler(calculator);
    query = new GetSubjectEvaluationsHandler(dataSource, calculator);
    refresher = new RefreshStandingsJob(dataSource, registry, calculator, { CYCLE_CHUNK_SIZE: 2, CYCLE_LEASE_SECONDS: 30, CYCLE_POLL_MS: 100 });
  });

  afterAll(async () => {
    await db?.drop();
  });

  const driverId = () => `41010219900101${String(Math.floor(Math.random() * 9000) + 1000)}`;

  function createdEvent(subjectId: string, overrides: Partial<CreditRecordCreatedV1> = {}): EventEnvelope<CreditRecordCreatedV1> {
    const recordId = uuidv7();
    return {
      id: uuidv7(),
      type: Events.CreditRecordCreated.subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      subjectId,
      region: '410105',
      data: {
        recordId,
        recordType: 'confirmed-complaint',
        subject: { kind: 'person', id: subjectId, name: '张某' },
        region: '410105',
        severity: 'general',
        decisionDate: chinaToday(),
        documentNumber: 'ZZ-2026-1',
        isPublic: false,
        summary: '',
        sourceClientId: 'zhengzhou',
        receivedAt: new Date().toISOString(),
        payload: {},
        ...overrides,
      },
    };
  }

  // Subjects registered in every sector first: these tests grade by kind and region (sector applicability: registry.int-spec.ts).
  const deliver = async (event: EventEnvelope<CreditRecordCreatedV1>) => {
    await registerInEverySector(dataSource, [event.data.subject]);
    await dataSource.transaction((m) => records.created(event, m));
  };
  const outboxFor = (subjectId: string) =>
    db.query<{ envelope: EventEnvelope<EvaluationGradeChangedV1> }>(
      `SELECT envelope FROM evaluation.outbox WHERE subject = $1 AND envelope->>'subjectId' = $2 ORDER BY id`,
      [Events.EvaluationGradeChanged.subject, subjectId],
    );

  it('stores the shipped schemes as active version 1, once', async () => {
    await registry.onModuleInit();
    const rows = await db.query(`SELECT scheme_id, version, status FROM evaluation.scheme_versions ORDER BY scheme_id`);
    expect(rows).toHaveLength(SHIPPED_SCHEMES.length);
    expect(rows.every((r) => r['version'] === 1 && r['status'] === 'active')).toBe(true);
  });

  it('a new driver gets a standing and a grade.changed event; a complaint moves the grade with its explanation', async () => {
    const driver = driverId();
    const first = createdEvent(driver, { recordType: 'commendation', severity: 'minor', payload: { level: 'city' } });
    await deliver(first);
    let [standing] = await db.query<{ grade: string; score: number }>(`SELECT grade, score FROM evaluation.subject_standings WHERE subject_id = $1`, [driver]);
    expect(standing).toEqual({ grade: '4', score: 22 });

    const complaint = createdEvent(driver, { severity: 'severe' });
    await deliver(complaint);
    [standing] = await db.query<{ grade: string; score: number }>(`SELECT grade, score FROM evaluation.subject_standings WHERE subject_id = $1`, [driver]);
    expect(standing).toEqual({ grade: '3', score: 17 });

    const events = (await outboxFor(driver)).map((r) => r.envelope);
    expect(events.map((e) => [e.data.previousGrade, e.data.grade, e.data.causeEventId])).toEqual([
      [null, '4', first.id],
      ['4', '3', complaint.id],
    ]);
    expect(events[1]).toMatchObject({
      type: 'evaluation.grade.changed',
      version: 1,
      subjectId: driver,
      region: '410105',
      data: { schemeId: 'zhengzhou-taxi-driver-stars', schemeVersion: 1 },
    });

    const answer = await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' });
    expect(answer.evaluations).toHaveLength(1);
    const [evaluation] = answer.evaluations;
    expect(evaluation).toMatchObject({ schemeId: 'zhengzhou-taxi-driver-stars', grade: '3', score: 17 });
    const explanation = JSON.parse(evaluation!.explanationJson) as { items: { recordId: string; points: number }[] };
    // Items come in the scheme's rule order: deductions for complaints, then the commendation bonus.
    expect(explanation.items.map((i) => [i.recordId, i.points])).toEqual([
      [complaint.data.recordId, -5],
      [first.data.recordId, 2],
    ]);
  });

  it('a record that moves only the score publishes the new score; the same event twice changes nothing', async () => {
    // DOMAIN.md §3 taxi drivers: base 20, deductions of 1/3/5/…; the shipped Zhengzhou scheme deducts 1 for a
    // minor complaint, and 11–19 points is 3★: 19, then 18, both 3★.
    const driver = driverId();
    await deliver(createdEvent(driver, { severity: 'minor' }));
    const minor = createdEvent(driver, { severity: 'minor' });
    await deliver(minor);
    await deliver(minor);
    expect((await outboxFor(driver)).map((r) => [r.envelope.data.previousGrade, r.envelope.data.grade, r.envelope.data.score])).toEqual([
      [null, '3', 19],
      ['3', '3', 18],
    ]);
    const [{ count }] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM evaluation.subject_records WHERE subject_id = $1`, [driver]);
    expect(count).toBe(2);
  });

  it('issue 16: two penalties that lower the score but keep the grade each announce the new score (public 970 vs internal 960)', async () => {
    // DOMAIN.md §3 red/yellow/green codes on a 1000-point scale (seed 002 案例1/案例4); the shipped Henan
    // scheme deducts 30 for a general administrative penalty and grades green from 900: 970, then 940, green both times.
    const uscc = makeUscc('410100');
    const penalty = () =>
      createdEvent(uscc, {
        recordType: 'administrative-penalty',
        severity: 'general',
        subject: { kind: 'org', id: uscc, name: '郑州某运输有限公司' },
        region: '410102',
        isPublic: true,
      });
    await deliver(penalty());
    await deliver(penalty());
    const henan = (await outboxFor(uscc)).map((r) => r.envelope.data).filter((d) => d.schemeId === 'henan-passenger-hazardous-codes');
    expect(henan.map((d) => [d.previousGrade, d.grade, d.score])).toEqual([
      [null, 'green', 970],
      ['green', 'green', 940],
    ]);
  });

  it('a revocation gives the grade back, and as-of still shows the grade before it', async () => {
    const driver = driverId();
    const penalty = createdEvent(driver, { recordType: 'administrative-penalty', severity: 'severe' });
    await deliver(penalty);
    const beforeRevocation = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const revocation: EventEnvelope<CreditRecordRevokedV1> = {
      id: uuidv7(),
      type: Events.CreditRecordRevoked.subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      subjectId: driver,
      region: '410105',
      data: {
        recordId: penalty.data.recordId,
        recordType: 'administrative-penalty',
        subject: { kind: 'person', id: driver },
        reason: '决定撤销',
        version: 2,
        revokedBy: 'zhengzhou',
        revokedAt: new Date().toISOString(),
      },
    };
    await dataSource.transaction((m) => records.revoked(revocation, m));
    expect((await outboxFor(driver)).map((r) => r.envelope.data.grade)).toEqual(['2', '4']);
    expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]?.grade).toBe('4');
    expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: beforeRevocation.toISOString() })).evaluations[0]).toMatchObject({
      grade: '2',
      score: 10,
    });
  });

  function repairedEvent(created: EventEnvelope<CreditRecordCreatedV1>, changedAt: Date): EventEnvelope<CreditRecordUpdatedV1> {
    const { summary: _summary, sourceClientId: _source, receivedAt: _received, ...facts } = created.data;
    return {
      ...created,
      id: uuidv7(),
      type: Events.CreditRecordUpdated.subject,
      occurredAt: changedAt.toISOString(),
      data: {
        ...facts,
        status: 'repaired',
        change: 'repaired',
        version: 2,
        changes: { status: { from: 'active', to: 'repaired' } },
        changedBy: 'repair:zhengzhou',
        changedAt: changedAt.toISOString(),
      },
    };
  }

  it('a repair gives the grade back from its instant on; as-of before it still counts the record', async () => {
    const driver = driverId();
    const penalty = createdEvent(driver, { recordType: 'administrative-penalty', severity: 'severe' });
    await deliver(penalty);
    const beforeRepair = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const repair = repairedEvent(penalty, new Date());
    await dataSource.transaction((m) => records.updated(repair, m));
    const events = (await outboxFor(driver)).map((r) => r.envelope.data);
    expect(events.map((e) => [e.previousGrade, e.grade])).toEqual([
      [null, '2'],
      ['2', '4'],
    ]);
    expect(events[1]?.causeEventId).toBe(repair.id);
    expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]).toMatchObject({ grade: '4', score: 20 });
    expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: beforeRepair.toISOString() })).evaluations[0]).toMatchObject({
      grade: '2',
      score: 10,
    });
    const [stored] = await db.query<{ withdrawn_reason: string }>(`SELECT withdrawn_reason FROM evaluation.subject_records WHERE record_id = $1`, [
      penalty.data.recordId,
    ]);
    expect(stored?.withdrawn_reason).toBe('repaired by repair:zhengzhou');
    // Redelivered: nothing moves again.
    await dataSource.transaction((m) => records.updated(repair, m));
    expect(await outboxFor(driver)).toHaveLength(2);
  });

  it('a revoked repair (change repair-revoked, issue 19 item 8) makes the record count again: the grade it gave back is taken again, once', async () => {
    const driver = driverId();
    const penalty = createdEvent(driver, { recordType: 'administrative-penalty', severity: 'severe' });
    await deliver(penalty);
    const repair = repairedEvent(penalty, new Date());
    await dataSource.transaction((m) => records.updated(repair, m));
    const revoked = repairedEvent(penalty, new Date());
    revoked.data = { ...revoked.data, status: 'active', change: 'repair-revoked', version: 3, changes: {} };
    await dataSource.transaction((m) => records.updated(revoked, m));
    const events = (await outboxFor(driver)).map((r) => r.envelope.data);
    // Same grades as the repair test above: 2 with the severe penalty, 4 without it, 2 with it again.
    expect(events.map((e) => [e.previousGrade, e.grade])).toEqual([
      [null, '2'],
      ['2', '4'],
      ['4', '2'],
    ]);
    expect(events[2]?.causeEventId).toBe(revoked.id);
    const [stored] = await db.query<{ withdrawn_at: Date | null }>(`SELECT withdrawn_at FROM evaluation.subject_records WHERE record_id = $1`, [
      penalty.data.recordId,
    ]);
    expect(stored?.withdrawn_at).toBeNull();
    // Redelivered: nothing moves again.
    await dataSource.transaction((m) => records.updated(revoked, m));
    expect(await outboxFor(driver)).toHaveLength(3);
  });

  it('a repair that arrives before its record still wins; an objection update changes nothing', async () => {
    const driver = driverId();
    const penalty = createdEvent(driver, { recordType: 'administrative-penalty', severity: 'severe' });
    await dataSource.transaction((m) => records.updated(repairedEvent(penalty, new Date()), m));
    await deliver(penalty);
    expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]?.grade).toBe('4');
    const other = driverId();
    const complaint = createdEvent(other, { recordType: 'administrative-penalty', severity: 'severe' });
    await deliver(complaint);
    const opened = repairedEvent(complaint, new Date());
    await dataSource.transaction((m) => records.updated({ ...opened, data: { ...opened.data, status: 'under-objection', change: 'objection-opened' } }, m));
    expect((await query.execute(zhengzhouReader, { subjectId: other, asOf: '' })).evaluations[0]?.grade).toBe('2');
  });

  it('a revocation that arrives before its record still wins', async () => {
    const driver = driverId();
    const penalty = createdEvent(driver, { recordType: 'administrative-penalty', severity: 'severe' });
    await dataSource.transaction((m) =>
      records.revoked(
        {
          ...penalty,
          id: uuidv7(),
          type: Events.CreditRecordRevoked.subject,
          data: {
            recordId: penalty.data.recordId,
            recordType: 'administrative-penalty',
            subject: { kind: 'person', id: driver },
            reason: 'x',
            version: 2,
            revokedBy: 'z',
            revokedAt: new Date().toISOString(),
          },
        },
        m,
      ),
    );
    await deliver(penalty);
    expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]?.grade).toBe('4');
  });

  describe('list memberships from joint measures', () => {
    const today = () => chinaToday();
    function listEvent(
      type: typeof Events.ListEntryEffective | typeof Events.ListEntryRemoved,
      driver: string,
      entry: Partial<ListEntryV1>,
    ): EventEnvelope<ListEntryV1> {
      return {
        id: uuidv7(),
        type: type.subject,
        version: 1,
        occurredAt: new Date().toISOString(),
        subjectId: driver,
        region: '410105',
        data: {
          entryId: '01a20000-0000-7000-8000-000000000001',
          listType: 'bad-driver',
          subject: { kind: 'person', id: driver, name: '张某' },
          region: '410105',
          status: 'effective',
          origin: 'rule',
          ruleId: 'nanyang-bad-driver',
          grounds: '一个周期内扣满20分',
          basis: [],
          provenance: null,
          proposedOn: today(),
          noticeEndsOn: today(),
          startsOn: today(),
          endsOn: null,
          decision: null,
          removal: null,
          version: 2,
          ...entry,
        },
      };
    }

    it('a bad-driver entry in force takes the stars away; its removal gives them back; as-of reads the lists known then', async () => {
      const driver = driverId();
      const entryId = uuidv7();
      await deliver(createdEvent(driver, { recordType: 'commendation', severity: 'minor', payload: { level: 'national' } }));
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]).toMatchObject({ grade: '5', score: 25 });
      const beforeEntry = new Date();
      await new Promise((r) => setTimeout(r, 5));

      const effective = listEvent(Events.ListEntryEffective, driver, { entryId });
      await dataSource.transaction((m) => lists.effective(effective, m));
      let events = (await outboxFor(driver)).map((r) => r.envelope.data);
      expect(events.map((e) => [e.previousGrade, e.grade, e.causeEventId])).toEqual([
        [null, '5', expect.any(String)],
        ['5', '0', effective.id],
      ]);
      const [onList] = (await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations;
      expect(onList).toMatchObject({ grade: '0', score: 25 });
      expect(JSON.parse(onList!.explanationJson)).toMatchObject({ adjustments: [{ id: 'bad-driver-list', from: '5', to: '0' }] });
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: beforeEntry.toISOString() })).evaluations[0]?.grade).toBe('5');
      const whileOnList = new Date();
      await new Promise((r) => setTimeout(r, 5));

      // Removed (repaired) today: from today on off the list.
      const removed = listEvent(Events.ListEntryRemoved, driver, {
        entryId,
        status: 'removed',
        version: 3,
        removal: { reason: 'repair', removedOn: today(), detail: '信用修复' },
      });
      await dataSource.transaction((m) => lists.removed(removed, m));
      events = (await outboxFor(driver)).map((r) => r.envelope.data);
      expect(events.map((e) => e.grade)).toEqual(['5', '0', '5']);
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]?.grade).toBe('5');
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: whileOnList.toISOString() })).evaluations[0]?.grade).toBe('0');

      // An older effective event redelivered after the removal changes nothing.
      await dataSource.transaction((m) => lists.effective({ ...effective, id: uuidv7() }, m));
      expect((await outboxFor(driver)).map((r) => r.envelope.data.grade)).toEqual(['5', '0', '5']);
    });

    it('a repair revoked restores the entry (a newer effective version): the stars go again; as-of reads the lapse as it was known', async () => {
      // DOMAIN.md §5 / issue 19 item 8: a revoked repair restores everything it ended, the list entry included.
      const driver = driverId();
      const entryId = uuidv7();
      await deliver(createdEvent(driver, { recordType: 'commendation', severity: 'minor', payload: { level: 'national' } }));
      await dataSource.transaction((m) => lists.effective(listEvent(Events.ListEntryEffective, driver, { entryId, version: 2 }), m));
      const removal = listEvent(Events.ListEntryRemoved, driver, {
        entryId,
        status: 'removed',
        version: 3,
        removal: { reason: 'repair', removedOn: today(), detail: '信用修复' },
      });
      await dataSource.transaction((m) => lists.removed(removal, m));
      await new Promise((r) => setTimeout(r, 5));
      const whileRepaired = new Date();
      await new Promise((r) => setTimeout(r, 5));

      await dataSource.transaction((m) => lists.effective(listEvent(Events.ListEntryEffective, driver, { entryId, version: 4 }), m));
      expect((await outboxFor(driver)).map((r) => r.envelope.data.grade)).toEqual(['5', '0', '5', '0']);
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]?.grade).toBe('0');
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: whileRepaired.toISOString() })).evaluations[0]?.grade).toBe('5');

      // The repair's removal delivered again (older than the restoration) changes nothing.
      await dataSource.transaction((m) => lists.removed({ ...removal, id: uuidv7() }, m));
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]?.grade).toBe('0');
      // A later removal (version 5) takes it off again.
      await dataSource.transaction((m) =>
        lists.removed(
          listEvent(Events.ListEntryRemoved, driver, { ...removal.data, version: 5, removal: { reason: 'repair', removedOn: today(), detail: '再次修复' } }),
          m,
        ),
      );
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]?.grade).toBe('5');
    });

    it('an entry that starts later, or on another list, leaves the grade alone', async () => {
      const driver = driverId();
      await deliver(createdEvent(driver, { recordType: 'commendation', severity: 'minor', payload: { level: 'national' } }));
      await dataSource.transaction((m) => lists.effective(listEvent(Events.ListEntryEffective, driver, { entryId: uuidv7(), startsOn: '2099-01-01' }), m));
      await dataSource.transaction((m) => lists.effective(listEvent(Events.ListEntryEffective, driver, { entryId: uuidv7(), listType: 'key-watch' }), m));
      expect((await outboxFor(driver)).map((r) => r.envelope.data.grade)).toEqual(['5']);
    });
  });

  it('a recent administrative licence caps a new driver at 3 stars (tenure under 6 months)', async () => {
    const driver = driverId();
    const month = (offset: number) => addMonths(chinaToday(), offset);
    await deliver(createdEvent(driver, { recordType: 'commendation', severity: 'minor', payload: { level: 'national' } }));
    await deliver(
      createdEvent(driver, {
        recordType: 'administrative-licence',
        severity: 'minor',
        decisionDate: month(-2),
        payload: { licenceCategory: 'qualification', validFrom: month(-2), validUntil: '2099-12-31' },
      }),
    );
    const [capped] = (await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations;
    expect(capped).toMatchObject({ grade: '3', score: 25 });
    expect(JSON.parse(capped!.explanationJson)).toMatchObject({ adjustments: [{ id: 'tenure-cap', from: '5', to: '3' }] });
    expect((await outboxFor(driver)).map((r) => r.envelope.data.grade)).toEqual(['5', '3']);
  });

  it('hides a subject outside the caller’s region, as not found', async () => {
    const driver = driverId();
    await deliver(createdEvent(driver));
    await expect(query.execute(luoyangReader, { subjectId: driver, asOf: '' })).rejects.toMatchObject({ code: 'EVALUATION.SUBJECT_NOT_FOUND' });
    await expect(query.execute(zhengzhouReader, { subjectId: driver, asOf: 'yesterday' })).rejects.toMatchObject({ code: 'EVALUATION.INVALID_AS_OF' });
  });

  describe('publishing versions', () => {
    const document = (change: (d: typeof ZHENGZHOU_TAXI_DRIVER_STARS) => void = () => undefined) => {
      const d = structuredClone(ZHENGZHOU_TAXI_DRIVER_STARS);
      change(d);
      return JSON.stringify(d);
    };
    const versions = () =>
      db.query<{ version: number; status: string }>(
        `SELECT version, status FROM evaluation.scheme_versions WHERE scheme_id = 'zhengzhou-taxi-driver-stars' ORDER BY version`,
      );

    it('refuses a broken version whole: nothing stored, the active version unchanged', async () => {
      const before = await versions();
      const error = await putScheme
        .execute(regulator, {
          id: 'zhengzhou-taxi-driver-stars',
          documentJson: document((d) => (d.ladder.rungs[1]!.min = 21)),
          publish: true,
          basedOnVersion: 0,
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'SCHEME.INVALID', violations: [{ field: 'document.ladder.rungs[1]', code: 'LADDER_GAP' }] });
      expect(await versions()).toEqual(before);
    });

    it('refuses a regulator publishing outside its region', async () => {
      const other: Principal = { ...regulator, region: '420000' };
      await expect(
        putScheme.execute(other, { id: 'zhengzhou-taxi-driver-stars', documentJson: document(), publish: true, basedOnVersion: 0 }),
      ).rejects.toMatchObject({
        code: 'SCHEME.REGION_FORBIDDEN',
      });
    });

    it('two regulators publishing at once: both versions stored whole, exactly one active, the newest', async () => {
      const results = await Promise.all(
        [1, 2, 3].map((n) =>
          putScheme.execute(regulator, {
            id: 'zhengzhou-taxi-driver-stars',
            documentJson: document((d) => (d.notes = [`edit ${n}`])),
            publish: true,
            basedOnVersion: 0,
          }),
        ),
      );
      expect(results.map((r) => r.version).sort()).toEqual([2, 3, 4]);
      const stored = await versions();
      expect(stored.filter((v) => v.status === 'active')).toEqual([{ version: 4, status: 'active' }]);
      expect(stored.map((v) => v.status)).toEqual(['retired', 'retired', 'retired', 'active']);
    });

    it('with basedOnVersion, the slower of two concurrent publishers is refused', async () => {
      const [latest] = (await versions()).slice(-1);
      const settled = await Promise.allSettled(
        [1, 2].map(() =>
          putScheme.execute(regulator, { id: 'zhengzhou-taxi-driver-stars', documentJson: document(), publish: true, basedOnVersion: latest!.version }),
        ),
      );
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
      expect(settled.find((s) => s.status === 'rejected')).toMatchObject({ reason: { code: 'SCHEME.VERSION_CONFLICT' } });
    });

    it('publishing a version regrades the subjects in scope and announces the changes it causes', async () => {
      await refresher.work();
      const driver = driverId();
      await deliver(createdEvent(driver, { severity: 'minor' }));
      expect((await outboxFor(driver)).map((r) => r.envelope.data.grade)).toEqual(['3']);
      // Base 25 instead of 20: 25 − 1 = 24 → 4 stars.
      const published = await putScheme.execute(regulator, {
        id: 'zhengzhou-taxi-driver-stars',
        documentJson: document((d) => (d.scoring.kind === 'points' ? (d.scoring.base = 25) : undefined)),
        publish: true,
        basedOnVersion: 0,
      });
      await refresher.work();
      const [refresh] = await db.query<{ id: string; status: string }>(`SELECT id, status FROM evaluation.standing_refreshes WHERE scheme_version = $1`, [
        published.version,
      ]);
      expect(refresh?.status).toBe('completed');
      const events = (await outboxFor(driver)).map((r) => r.envelope.data);
      expect(events.map((e) => [e.previousGrade, e.grade, e.schemeVersion])).toEqual([
        [null, '3', published.version - 1],
        ['3', '4', published.version],
      ]);
      expect(events[1]?.causeEventId).toBe(refresh!.id);
      expect((await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations[0]).toMatchObject({
        schemeVersion: published.version,
        grade: '4',
        score: 24,
      });
      // Back to base 20 for the tests after this one.
      await putScheme.execute(regulator, { id: 'zhengzhou-taxi-driver-stars', documentJson: document(), publish: true, basedOnVersion: 0 });
      await refresher.work();
    });

    it('a draft is stored but not active; standings use the active version', async () => {
      const draft = await putScheme.execute(regulator, {
        id: 'zhengzhou-taxi-driver-stars',
        documentJson: document((d) => (d.scoring.kind === 'points' ? (d.scoring.base = 25) : undefined)),
        publish: false,
        basedOnVersion: 0,
      });
      expect(draft.status).toBe('draft');
      const driver = driverId();
      await deliver(createdEvent(driver, { severity: 'minor' }));
      const [evaluation] = (await query.execute(zhengzhouReader, { subjectId: driver, asOf: '' })).evaluations;
      expect(evaluation).toMatchObject({ schemeVersion: draft.activeVersion, score: 19 });
    });
  });
});
