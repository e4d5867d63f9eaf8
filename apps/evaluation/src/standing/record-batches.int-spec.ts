import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CreditRecordCreatedV1, CreditRecordExpiredV1, CreditRecordRevokedV1, EvaluationGradeChangedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, TestDatabase } from '@platform/testing';
import { evaluationDefinition } from '../evaluation.definition';
import { SchemeRegistry } from '../schemes/application/scheme-registry';
import { ApplyRecordEventHandler } from './application/apply-record-event.handler';
import { StandingCalculator } from './application/standing-calculator';
import { registerInEverySector } from './registrations.fixture';

/**
 * ADR 0033: the batch handlers of `credit.records.created`, `.revoked` and `.expired` against
 * their single-event handlers.
 * The same events go one by one through `created` into one database and as batches through
 * `createdBatch` into another; records and standings must come out the same. What legitimately
 * differs: `evaluated_at` (each recompute's own instant), and the history — sequentially every
 * intermediate change is kept and announced, batched only each subject's net change per batch
 * (cause: its last event in the batch).
 */
describe('evaluation: record events in batches = one by one (PostgreSQL)', () => {
  interface Side {
    db: TestDatabase;
    dataSource: DataSource;
    records: ApplyRecordEventHandler;
  }
  let sequential: Side;
  let batched: Side;

  async function side(label: string): Promise<Side> {
    const db = await cloneTestDatabase(label);
    const dataSource = await db.dataSource(evaluationDefinition);
    const registry = new SchemeRegistry(dataSource);
    await registry.onModuleInit();
    const calculator = new StandingCalculator(registry, new OutboxPublisher(evaluationDefinition as ServiceDefinition));
    return { db, dataSource, records: new ApplyRecordEventHandler(calculator) };
  }

  beforeAll(async () => {
    sequential = await side('eval-seq');
    batched = await side('eval-batch');
  });

  afterAll(async () => {
    await sequential?.db.drop();
    await batched?.db.drop();
  });

  const today = () => chinaToday();
  let received = Date.now() - 60_000;

  function created(subjectId: string, kind: 'person' | 'org', overrides: Partial<CreditRecordCreatedV1> = {}): EventEnvelope<CreditRecordCreatedV1> {
    // Strictly increasing reception instants: a subject's records have one order on both sides.
    const receivedAt = new Date((received += 1000)).toISOString();
    return {
      id: uuidv7(),
      type: Events.CreditRecordCreated.subject,
      version: 1,
      occurredAt: receivedAt,
      subjectId,
      region: overrides.region ?? '410105',
      data: {
        recordId: uuidv7(),
        recordType: 'confirmed-complaint',
        subject: { kind, id: subjectId, name: '某' },
        region: '410105',
        severity: 'minor',
        decisionDate: today(),
        documentNumber: 'ZZ-2026-1',
        isPublic: false,
        summary: '',
        sourceClientId: 'zhengzhou',
        receivedAt,
        payload: {},
        ...overrides,
      },
    };
  }

  function revoked(of: EventEnvelope<CreditRecordCreatedV1>, reason = '决定撤销'): EventEnvelope<CreditRecordRevokedV1> {
    return {
      ...of,
      id: uuidv7(),
      type: Events.CreditRecordRevoked.subject,
      data: {
        recordId: of.data.recordId,
        recordType: of.data.recordType,
        subject: { kind: of.data.subject.kind, id: of.data.subject.id },
        reason,
        version: 2,
        revokedBy: 'zhengzhou',
        revokedAt: new Date((received += 1000)).toISOString(),
      },
    };
  }

  function expired(of: EventEnvelope<CreditRecordCreatedV1>): EventEnvelope<CreditRecordExpiredV1> {
    const { recordId, recordType, subject, region, severity, decisionDate } = of.data;
    return {
      ...of,
      id: uuidv7(),
      type: Events.CreditRecordExpired.subject,
      data: {
        recordId,
        recordType,
        subject: { kind: subject.kind, id: subject.id },
        region,
        severity,
        decisionDate,
        publicityEndedOn: decisionDate,
        basis: '公示期满',
        version: 3,
        expiredAt: new Date((received += 1000)).toISOString(),
      },
    };
  }

  /** The same events, one transaction each through `created` on one side, as one batch through `createdBatch` on the other. */
  async function apply(events: EventEnvelope<CreditRecordCreatedV1>[]): Promise<void> {
    await onBoth((side) =>
      registerInEverySector(
        side.dataSource,
        events.map((e) => e.data.subject),
      ),
    );
    for (const event of events) await sequential.dataSource.transaction((m) => sequential.records.created(event, m));
    await batched.dataSource.transaction((m) => batched.records.createdBatch(events, m));
  }

  async function applyWithdrawals<T>(
    events: EventEnvelope<T>[],
    single: (h: ApplyRecordEventHandler) => (event: EventEnvelope<T>, m: EntityManager) => Promise<void>,
    batch: (h: ApplyRecordEventHandler) => (events: EventEnvelope<T>[], m: EntityManager) => Promise<void>,
  ): Promise<void> {
    for (const event of events) await sequential.dataSource.transaction((m) => single(sequential.records).call(sequential.records, event, m));
    await batched.dataSource.transaction((m) => batch(batched.records).call(batched.records, events, m));
  }

  async function onBoth(work: (s: Side) => Promise<void>): Promise<void> {
    await work(sequential);
    await work(batched);
  }

  const recordRows = (s: Side) =>
    s.db.query(
      `SELECT record_id, subject_id, subject_kind, region, record_type, severity, decision_date::text, payload, received_at, withdrawn_at, withdrawn_reason
         FROM evaluation.subject_records ORDER BY record_id`,
    );
  // Everything but evaluated_at, the instant of each recompute.
  const standingRows = (s: Side) =>
    s.db.query<{ scheme_id: string; subject_id: string; grade: string; score: number }>(
      `SELECT scheme_id, subject_id, scheme_version, subject_kind, region, grade, score, cycle_label, result
         FROM evaluation.subject_standings ORDER BY scheme_id, subject_id`,
    );
  const gradeEvents = async (s: Side) =>
    (
      await s.db.query<{ envelope: EventEnvelope<EvaluationGradeChangedV1> }>(`SELECT envelope FROM evaluation.outbox WHERE subject = $1 ORDER BY id`, [
        Events.EvaluationGradeChanged.subject,
      ])
    ).map((r) => r.envelope.data);
  /** The last announced grade of each (scheme, subject): what a consumer of grade.changed ends up with. */
  const lastAnnounced = async (s: Side) => {
    const last = new Map<string, string>();
    for (const e of await gradeEvents(s)) last.set(`${e.schemeId} ${e.subject.id}`, e.grade);
    return Object.fromEntries([...last].sort(([a], [b]) => a.localeCompare(b)));
  };

  it('leaves the same records and standings; announces only each subject’s net change, caused by its last event in the batch', async () => {
    const driverA = '410102199001011111';
    const carrierB = '91410100MA3X0001BB';
    const driverC = '410102199001013333';
    const driverD = '410102199001014444';
    const beijingE = '110105199001015555';

    // Before the batch (on both sides, one by one): C has a standing (19, 3 stars); D's record was revoked before it arrived.
    const earlierC = created(driverC, 'person', { severity: 'minor' });
    const lateD = created(driverD, 'person', { recordType: 'administrative-penalty', severity: 'severe' });
    const revocationD = revoked(lateD);
    await onBoth(async (s) => {
      await registerInEverySector(s.dataSource, [earlierC.data.subject]);
      await s.dataSource.transaction((m) => s.records.created(earlierC, m));
      await s.dataSource.transaction((m) => s.records.revoked(revocationD, m));
    });

    const a1 = created(driverA, 'person', { recordType: 'commendation', payload: { level: 'national' } }); // 25 → 5
    const b1 = created(carrierB, 'org', { recordType: 'administrative-penalty', severity: 'severe' }); // 950 green
    const a2 = created(driverA, 'person', { severity: 'severe' }); // 20 → 4
    const a2again = { ...a2, id: uuidv7(), data: { ...a2.data, severity: 'general' as const } }; // the same record again: the first copy wins
    const c1 = created(driverC, 'person', { recordType: 'commendation', payload: { level: 'city' } }); // 21 → 4
    const b2 = created(carrierB, 'org', { recordType: 'administrative-penalty', severity: 'severe' }); // 900 green
    const a3 = created(driverA, 'person', { recordType: 'administrative-penalty', severity: 'general' }); // 15 → 3
    const c2 = created(driverC, 'person', { severity: 'severe' }); // 16 → 3: net 3 → 3, score moved
    const b3 = created(carrierB, 'org', { recordType: 'administrative-penalty', severity: 'severe' }); // 850 yellow
    const d1 = lateD; // withdrawn before it arrives → 20, 4 stars
    const e1 = created(beijingE, 'person', { region: '110105' }); // no scheme applies
    await apply([a1, b1, a2, a2again, c1, b2, a3, c2, b3, d1, e1]);

    // A second batch starts from the standings the first one stored.
    const b4 = created(carrierB, 'org', { recordType: 'administrative-penalty', severity: 'severe' }); // 800 yellow
    const b5 = created(carrierB, 'org', { recordType: 'administrative-penalty', severity: 'severe' }); // 750 red
    const a4 = created(driverA, 'person', { recordType: 'commendation', payload: { level: 'city' } }); // 17 → 3: score only
    await apply([b4, a4, b5]);

    // Records: the same rows, every column (the revocation that came first applied to D's record on both sides).
    const records = await recordRows(batched);
    expect(records).toEqual(await recordRows(sequential));
    expect(records).toHaveLength(14);
    expect(records.find((r) => r['record_id'] === a2.data.recordId)).toMatchObject({ severity: 'severe' });
    expect(records.find((r) => r['record_id'] === d1.data.recordId)).toMatchObject({ withdrawn_reason: 'revoked: 决定撤销' });

    // Standings: the same, explanation included (only evaluated_at is left out).
    const standings = await standingRows(batched);
    expect(standings).toEqual(await standingRows(sequential));
    expect(standings.map((s) => [s.scheme_id, s.subject_id, s.grade, s.score])).toEqual([
      ['henan-passenger-hazardous-codes', carrierB, 'red', 750],
      ['zhengzhou-taxi-driver-stars', driverA, '3', 17],
      ['zhengzhou-taxi-driver-stars', driverC, '3', 16],
      ['zhengzhou-taxi-driver-stars', driverD, '4', 20],
    ]);

    // Announcements: consumers end with the same grades...
    expect(await lastAnnounced(batched)).toEqual(await lastAnnounced(sequential));
    // ...sequentially through every intermediate grade, batched by each subject's net change.
    const taxi = 'zhengzhou-taxi-driver-stars';
    expect((await gradeEvents(sequential)).filter((e) => e.subject.id === driverA).map((e) => [e.previousGrade, e.grade])).toEqual([
      [null, '5'],
      ['5', '4'],
      ['4', '3'],
      ['3', '3'], // a4 moved the score only: announced too (issue 16, the public score must follow)
    ]);
    expect((await gradeEvents(batched)).map((e) => [e.schemeId, e.subject.id, e.previousGrade, e.grade, e.causeEventId])).toEqual([
      // Before the batches, one by one.
      [taxi, driverC, null, '3', earlierC.id],
      // Batch 1, in subject order (C went 3 → 4 → 3: no new grade, but its score moved 19 → 16, so
      // it is announced; E is in no scheme's scope).
      [taxi, driverA, null, '3', a3.id],
      [taxi, driverC, '3', '3', c2.id],
      [taxi, driverD, null, '4', d1.id],
      ['henan-passenger-hazardous-codes', carrierB, null, 'yellow', b3.id],
      // Batch 2 (A's score moved, not its grade: announced all the same).
      [taxi, driverA, '3', '3', a4.id],
      ['henan-passenger-hazardous-codes', carrierB, 'yellow', 'red', b5.id],
    ]);

    // standing_changes: every change of score or grade one by one, the net one per subject and batch.
    const changes = (s: Side) =>
      s.db.query<{ subject_id: string; previous_grade: string | null; grade: string; score: number; cause_event_id: string }>(
        `SELECT subject_id, previous_grade, grade, score, cause_event_id FROM evaluation.standing_changes WHERE subject_id IN ($1, $2) ORDER BY id`,
        [driverA, driverC],
      );
    expect((await changes(batched)).map((c) => [c.subject_id, c.previous_grade, c.grade, c.score, c.cause_event_id])).toEqual([
      [driverC, null, '3', 19, earlierC.id],
      [driverA, null, '3', 15, a3.id],
      [driverC, '3', '3', 16, c2.id],
      [driverA, '3', '3', 17, a4.id],
    ]);
    expect(await changes(sequential)).toHaveLength(1 + 3 + 2 + 1);
  });

  it('revocations and expiries in batches leave the same records and standings; the first withdrawal of a record wins', async () => {
    const driverF = '410102199001018888';
    const driverG = '410102199001019999';
    const driverH = '410102199001010000';
    const f1 = created(driverF, 'person', { severity: 'severe' }); // 15
    const f2 = created(driverF, 'person', { recordType: 'administrative-penalty', severity: 'severe' }); // 5
    const f3 = created(driverF, 'person', { severity: 'minor' }); // 4 → 2 stars
    const g1 = created(driverG, 'person', { recordType: 'administrative-penalty', severity: 'severe' }); // 10 → 2 stars
    const h1 = created(driverH, 'person', { recordType: 'administrative-penalty', severity: 'severe' }); // revoked before it arrives
    await apply([f1, f2, f3, g1]);
    const historyBefore = (await gradeEvents(batched)).length;

    const f2revoked = revoked(f2);
    const f2again = revoked(f2, '再次撤销'); // the first revocation stays
    const f1revoked = revoked(f1);
    const g1revoked = revoked(g1);
    await applyWithdrawals(
      [f2revoked, g1revoked, f1revoked, revoked(h1), f2again],
      (h) => h.revoked,
      (h) => h.revokedBatch,
    ); // F 19 → 3, G 20 → 4
    await applyWithdrawals(
      [expired(f3)],
      (h) => h.expired,
      (h) => h.expiredBatch,
    ); // F 20 → 4
    await apply([h1]); // H 20 → 4: the revocation that came first applies

    const records = await recordRows(batched);
    expect(records).toEqual(await recordRows(sequential));
    expect(records.find((r) => r['record_id'] === f2.data.recordId)).toMatchObject({
      withdrawn_at: new Date(f2revoked.data.revokedAt),
      withdrawn_reason: 'revoked: 决定撤销',
    });
    expect(records.find((r) => r['record_id'] === f3.data.recordId)).toMatchObject({ withdrawn_reason: 'expired: 公示期满' });
    expect(records.find((r) => r['record_id'] === h1.data.recordId)).toMatchObject({ withdrawn_reason: 'revoked: 决定撤销' });
    const standings = await standingRows(batched);
    expect(standings).toEqual(await standingRows(sequential));
    expect(standings.filter((s) => [driverF, driverG, driverH].includes(s.subject_id)).map((s) => [s.subject_id, s.grade, s.score])).toEqual([
      [driverH, '4', 20],
      [driverF, '4', 20],
      [driverG, '4', 20],
    ]);
    expect(await lastAnnounced(batched)).toEqual(await lastAnnounced(sequential));
    expect((await gradeEvents(batched)).slice(historyBefore).map((e) => [e.subject.id, e.previousGrade, e.grade, e.causeEventId])).toEqual([
      [driverF, '2', '3', f2again.id],
      [driverG, '2', '4', g1revoked.id],
      [driverF, '3', '4', expect.any(String)],
      [driverH, null, '4', h1.id],
    ]);
  });

  it('a wrong event version makes the whole batch throw (the per-event fallback dead-letters it)', async () => {
    const good = created('410102199001016666', 'person');
    const wrong = { ...created('410102199001017777', 'person'), version: 2 };
    await expect(batched.dataSource.transaction((m) => batched.records.createdBatch([good, wrong], m))).rejects.toBeInstanceOf(PoisonMessageError);
    expect(await batched.db.query(`SELECT 1 FROM evaluation.subject_records WHERE subject_id = $1`, [good.data.subject.id])).toEqual([]);
  });
});
