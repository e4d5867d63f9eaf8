import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope } from '@contracts';
import { addDays, addMonths, WorkingDayCalendar } from '@domain/calendar';
import type { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { EventConsumers, OutboxPublisher, ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { ApplyRecordEventHandler } from '../records/application/apply-record-event.handler';
import { RepairRecordReader } from '../records/application/repair-record-reader';
import { RecordEventsConsumer } from '../records/interface/record-events.consumer';
import { GetRepairRemindersHandler } from '../reminders/application/get-repair-reminders.handler';
import { REPAIR_CHECKLIST_V1 } from '../rules/domain/shipped-repair-checklist';
import { REPAIR_RULES_V1 } from '../rules/domain/shipped-repair-rules';
import { repairDefinition } from '../repair.definition';
import { ApplyForRepairHandler } from './application/apply-for-repair.handler';
import { DecideRepairApplicationHandler } from './application/decide-repair-application.handler';
import { ListRepairApplicationsHandler } from './application/list-repair-applications.handler';

/*
 * Credit repair against real PostgreSQL (DOMAIN.md §5, 国家发展改革委令2025年第36号): a general
 * penalty is published at least 3 months from its decision date, so a repair may be applied for
 * from the day after; whoever decided the record decides the repair (谁认定、谁修复). Modes follow
 * the checklist rule of seed 003 珠海 (no continuing state → commitment; continuing → closed loop).
 */
describe('repair: applications checked at once, decided by the deciding authority (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let consumer: RecordEventsConsumer;
  let apply: ApplyForRepairHandler;
  let decide: DecideRepairApplicationHandler;
  let list: ListRepairApplicationsHandler;
  let reminders: GetRepairRemindersHandler;
  const calendar = new WorkingDayCalendar();
  const DECISION_DAYS = 5;
  // A Zhengzhou integrator (the deciding unit's region) and another province's.
  const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };
  const suzhou: Principal = { clientId: 'suzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '320500' };
  const today = chinaToday();
  // Older than the 3-month minimum of a general penalty.
  const fourMonthsAgo = addMonths(today, -4);

  beforeAll(async () => {
    db = await cloneTestDatabase('repair-applications');
    dataSource = await db.dataSource(repairDefinition);
    const outbox = new OutboxPublisher(repairDefinition as ServiceDefinition);
    consumer = new RecordEventsConsumer({} as EventConsumers, new ApplyRecordEventHandler());
    const config = { REPAIR_DECISION_WORKING_DAYS: DECISION_DAYS };
    apply = new ApplyForRepairHandler(dataSource, new RepairRecordReader(), REPAIR_RULES_V1, REPAIR_CHECKLIST_V1, calendar, config);
    decide = new DecideRepairApplicationHandler(dataSource, outbox);
    list = new ListRepairApplicationsHandler(dataSource);
    reminders = new GetRepairRemindersHandler(dataSource, new RepairRecordReader(), REPAIR_RULES_V1, REPAIR_CHECKLIST_V1);
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** A record as collection announces it (credit.records.created), received by repair's consumer. */
  async function recordCreated(overrides: Partial<CreditRecordCreatedV1> & { violationType?: string } = {}): Promise<CreditRecordCreatedV1> {
    const { violationType = '超限运输', ...facts } = overrides;
    const data: CreditRecordCreatedV1 = {
      recordId: randomUUID(),
      recordType: 'administrative-penalty',
      subject: { kind: 'org', id: makeUscc('410100'), name: '郑州某运输有限公司' },
      region: '410100',
      severity: 'general',
      decisionDate: fourMonthsAgo,
      documentNumber: `郑交罚〔2026〕${Math.floor(Math.random() * 10_000)}号`,
      isPublic: true,
      summary: violationType,
      sourceClientId: 'zhengzhou',
      receivedAt: new Date().toISOString(),
      payload: { violationType },
      ...facts,
    };
    await dataSource.transaction((manager) => consumer.created({ data } as EventEnvelope<CreditRecordCreatedV1>, manager));
    return data;
  }

  async function refusal(work: Promise<unknown>): Promise<DomainError> {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  const COMMITMENT = '本单位已纠正失信行为、履行相关义务，承诺今后依法诚信经营（信用承诺书）';

  it('a general penalty decided today: the reminder shows the day after the 3-month minimum, and applying now is 422 with that date', async () => {
    const record = await recordCreated({ decisionDate: today });
    const earliest = addDays(addMonths(today, 3), 1);
    expect(await reminders.execute(zhengzhou, { subjectId: record.subject.id })).toEqual([
      expect.objectContaining({ recordId: record.recordId, earliestRepairDate: earliest, mode: 'repair-commitment', eligibleNow: false }),
    ]);
    const error = await refusal(apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] }));
    expect(error).toMatchObject({ code: 'REPAIR.MINIMUM_PERIOD_NOT_OVER', kind: 'precondition' });
    expect(error.violations[0]).toMatchObject({ field: 'target', message: expect.stringContaining(earliest) });
    expect(await db.query(`SELECT count(*)::int AS n FROM repair.repair_applications WHERE record_id = $1`, [record.recordId])).toEqual([{ n: 0 }]);
  });

  it('a record a partner province decided about a Suzhou-registered carrier: its reminder is shown to Suzhou, where the repair is applied for (and forwarded, ADR 0084), not to Zhengzhou', async () => {
    const record = await recordCreated({
      subject: { kind: 'org', id: makeUscc('320500'), name: '苏州某运输有限公司' },
      region: '330100',
      partner: { region: '330000', sourceReference: 'zj-record-1', agreement: 'zhejiang-demo' },
    });
    expect(await reminders.execute(suzhou, { subjectId: record.subject.id })).toEqual([
      expect.objectContaining({ recordId: record.recordId, eligibleNow: true }),
    ]);
    expect(await reminders.execute(zhengzhou, { subjectId: record.subject.id })).toEqual([]);
  });

  it('past the minimum: filed by any region, pending with a deadline in working days; the deciding region approves and repair.records.repaired is in the outbox', async () => {
    const record = await recordCreated();
    const filed = await apply.execute(suzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: ['缴款凭证号 2026-001'] });
    expect(filed.application).toMatchObject({
      recordId: record.recordId,
      decidingRegion: '410100',
      mode: 'repair-commitment',
      status: 'pending',
      decisionDueOn: calendar.deadline(today, DECISION_DAYS).date,
      overdue: false,
    });
    const id = filed.application.id;

    await expect(apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] })).rejects.toMatchObject({
      code: 'REPAIR.ALREADY_APPLIED',
      kind: 'conflict',
    });
    expect((await list.execute(zhengzhou, { status: 'pending' })).map((a) => a.id)).toContain(id);
    expect((await list.execute(suzhou, { status: 'pending' })).map((a) => a.id)).not.toContain(id);

    await expect(decide.execute(suzhou, { applicationId: id, outcome: 'approved', reason: '同意' })).rejects.toMatchObject({
      code: 'REPAIR.NOT_DECIDING_AUTHORITY',
      kind: 'forbidden',
    });
    const decided = await decide.execute(zhengzhou, { applicationId: id, outcome: 'approved', reason: '已纠正失信行为并作出信用承诺，同意修复' });
    expect(decided.application).toMatchObject({ status: 'approved', decidedBy: 'zhengzhou' });
    await expect(decide.execute(zhengzhou, { applicationId: id, outcome: 'rejected', reason: '再次决定' })).rejects.toMatchObject({
      code: 'REPAIR.ALREADY_DECIDED',
      kind: 'conflict',
    });
    const events = await db.query(
      `SELECT envelope->'data' AS data FROM repair.outbox WHERE subject = 'repair.records.repaired' AND envelope->'data'->>'applicationId' = $1`,
      [id],
    );
    expect(events).toEqual([
      {
        data: expect.objectContaining({
          recordId: record.recordId,
          subject: { kind: 'org', id: record.subject.id },
          path: 'repair-commitment',
          decidedBy: 'zhengzhou',
        }),
      },
    ]);
  });

  it('a continuing violation goes the closed-loop way: no rectification evidence is 422, with it the application is filed', async () => {
    const record = await recordCreated({ violationType: '未取得道路运输经营许可擅自从事经营' });
    await expect(apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] })).rejects.toMatchObject({
      code: 'REPAIR.EVIDENCE_REQUIRED',
      kind: 'precondition',
    });
    const filed = await apply.execute(zhengzhou, {
      recordId: record.recordId,
      commitment: COMMITMENT,
      evidence: ['道路运输经营许可证 豫交运管许可郑字410100000001号'],
    });
    expect(filed.application.mode).toBe('closed-loop');
  });

  it('refuses an unknown, a revoked, an already repaired and a non-repairable record, writing nothing', async () => {
    await expect(apply.execute(zhengzhou, { recordId: randomUUID(), commitment: COMMITMENT, evidence: [] })).rejects.toMatchObject({
      code: 'REPAIR.RECORD_NOT_FOUND',
      kind: 'not-found',
    });
    const revoked = await recordCreated();
    await dataSource.transaction((m) => new ApplyRecordEventHandler().ended(m, revoked.recordId, 'revoked', 2, new Date().toISOString()));
    await expect(apply.execute(zhengzhou, { recordId: revoked.recordId, commitment: COMMITMENT, evidence: [] })).rejects.toMatchObject({
      code: 'REPAIR.RECORD_NOT_IN_FORCE',
      kind: 'conflict',
    });
    const repaired = await recordCreated();
    await dataSource.transaction((m) =>
      new ApplyRecordEventHandler().stored(m, {
        ...{
          recordId: repaired.recordId,
          recordType: repaired.recordType,
          subjectKind: 'org',
          subjectId: repaired.subject.id,
          subjectName: repaired.subject.name,
        },
        ...{ region: repaired.region, severity: 'general', decisionDate: repaired.decisionDate, documentNumber: repaired.documentNumber },
        ...{ publicityEndsOn: null, payload: {}, status: 'repaired', version: 2, changedAt: new Date().toISOString(), partner: null },
      }),
    );
    await expect(apply.execute(zhengzhou, { recordId: repaired.recordId, commitment: COMMITMENT, evidence: [] })).rejects.toMatchObject({
      code: 'REPAIR.ALREADY_REPAIRED',
      kind: 'conflict',
    });
    const commendation = await recordCreated({ recordType: 'commendation', severity: 'minor' });
    await expect(apply.execute(zhengzhou, { recordId: commendation.recordId, commitment: COMMITMENT, evidence: [] })).rejects.toMatchObject({
      code: 'REPAIR.NOT_REPAIRABLE',
      kind: 'precondition',
    });
    const ids = [revoked, repaired, commendation].map((r) => r.recordId);
    expect(await db.query(`SELECT count(*)::int AS n FROM repair.repair_applications WHERE record_id = ANY($1::uuid[])`, [ids])).toEqual([{ n: 0 }]);
  });

  it('shows a pending application past its working-day deadline as overdue in the deciding unit’s queue', async () => {
    const record = await recordCreated();
    const filed = await apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] });
    const queued = (id: string) => list.execute(zhengzhou, { status: 'pending' }).then((items) => items.find((a) => a.id === id));
    expect(await queued(filed.application.id)).toMatchObject({ overdue: false });
    // The deadline passed (as if filed weeks ago): the deadline's day is still in time, the next is overdue.
    await db.query(`UPDATE repair.repair_applications SET decision_due_on = $2 WHERE id = $1`, [filed.application.id, addDays(today, -1)]);
    expect(await queued(filed.application.id)).toMatchObject({ overdue: true, decisionDueOn: addDays(today, -1) });
    await db.query(`UPDATE repair.repair_applications SET decision_due_on = $2 WHERE id = $1`, [filed.application.id, today]);
    expect(await queued(filed.application.id)).toMatchObject({ overdue: false });
  });

  it('answers a retried Idempotency-Key with the first application, and refuses the key with another body', async () => {
    const record = await recordCreated();
    const key = `repair-${randomUUID()}`;
    const first = await apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [], idempotencyKey: key });
    const retried = await apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [], idempotencyKey: key });
    expect(retried).toEqual({ application: first.application, replayed: true });
    await expect(apply.execute(zhengzhou, { recordId: record.recordId, commitment: '另一份承诺', evidence: [], idempotencyKey: key })).rejects.toMatchObject({
      code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('refuses a malformed application or decision with 400 naming the fields', async () => {
    await expect(apply.execute(zhengzhou, { recordId: 'not-a-uuid', commitment: ' ', evidence: [''] })).rejects.toMatchObject({
      code: 'REPAIR.INVALID',
      violations: [
        expect.objectContaining({ field: 'target' }),
        expect.objectContaining({ field: 'commitment' }),
        expect.objectContaining({ field: 'evidence[0]' }),
      ],
    });
    await expect(decide.execute(zhengzhou, { applicationId: randomUUID(), outcome: 'maybe', reason: '' })).rejects.toMatchObject({
      code: 'REPAIR.INVALID',
      violations: [expect.objectContaining({ field: 'outcome' }), expect.objectContaining({ field: 'reason' })],
    });
  });
});
