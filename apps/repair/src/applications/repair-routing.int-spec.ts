import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordUpdatedV1, EventEnvelope, ListEntryV1 } from '@contracts';
import { addMonths, WorkingDayCalendar } from '@domain/calendar';
import type { Principal } from '@platform/auth';
import { EventConsumers, OutboxPublisher, ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { ApplyRecordEventHandler } from '../records/application/apply-record-event.handler';
import { RepairRecordReader } from '../records/application/repair-record-reader';
import { ListEntryEventsConsumer } from '../records/interface/list-entry-events.consumer';
import { RecordEventsConsumer } from '../records/interface/record-events.consumer';
import { EvidenceFilesHandler } from '../evidence/application/evidence-files.handler';
import { GetRepairFiguresHandler } from '../reports/application/get-repair-figures.handler';
import { REPAIR_CHECKLIST_V1 } from '../rules/domain/shipped-repair-checklist';
import { REPAIR_RULES_V1 } from '../rules/domain/shipped-repair-rules';
import { repairDefinition } from '../repair.definition';
import { ApplyForRepairHandler } from './application/apply-for-repair.handler';
import { DecideRepairApplicationHandler } from './application/decide-repair-application.handler';
import { ListRepairApplicationsHandler } from './application/list-repair-applications.handler';
import { PartnerForwardingHandler } from './application/partner-forwarding.handler';

/** A list entry as joint measures announces it (`measures.list-entries.effective`); a partner's import carries its provenance. */
async function listEntryEffective(dataSource: DataSource, partner: { region: string; sourceReference: string } | null): Promise<ListEntryV1> {
  const data: ListEntryV1 = {
    entryId: randomUUID(),
    listType: 'severe-dishonesty',
    subject: { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' },
    region: partner ? '420100' : '410100',
    status: 'effective',
    origin: partner ? 'partner-import' : 'rule',
    ruleId: null,
    grounds: '虚假材料',
    basis: [],
    provenance: partner
      ? { partnerRegion: partner.region, partnerName: '湖北省交通运输厅', sourceReference: partner.sourceReference, decidedOn: '2026-11-01' }
      : null,
    proposedOn: '2026-11-01',
    noticeEndsOn: '2026-11-01',
    startsOn: '2026-11-01',
    endsOn: null,
    decision: null,
    removal: null,
    version: 1,
  };
  await dataSource.transaction((manager) => new ListEntryEventsConsumer({} as EventConsumers).stored({ data } as EventEnvelope<ListEntryV1>, manager));
  return data;
}

/*
 * 谁认定、谁修复 across provinces (issue 19 item 5, ADR 0084), against real PostgreSQL: a record
 * Hubei (420000) decided reaches us as a partner push (ADR 0069: `credit.records.created` carries
 * `partner`). Its repair is Hubei's to decide: an application filed here is checked here (DOMAIN.md
 * §5: a general penalty at least 3 months from its decision date) and then `forwarded` to Hubei,
 * never queued for a unit of ours; no unit of ours decides it.
 */
describe('repair: an application about a partner-decided record is routed to that province (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let consumer: RecordEventsConsumer;
  let apply: ApplyForRepairHandler;
  let decide: DecideRepairApplicationHandler;
  let list: ListRepairApplicationsHandler;
  const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };
  const henan: Principal = { clientId: 'henan-province', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410000' };
  // A client of ours registered for Hubei's city: still not the deciding unit (Hubei's platform is).
  const wuhanHere: Principal = { clientId: 'wuhan-here', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '420100' };
  const today = chinaToday();
  const COMMITMENT = '本单位已纠正失信行为、履行相关义务，承诺今后依法诚信经营（信用承诺书）';

  beforeAll(async () => {
    db = await cloneTestDatabase('repair-routing');
    dataSource = await db.dataSource(repairDefinition);
    consumer = new RecordEventsConsumer({} as EventConsumers, new ApplyRecordEventHandler());
    const calendar = new WorkingDayCalendar();
    apply = new ApplyForRepairHandler(dataSource, new RepairRecordReader(), REPAIR_RULES_V1, REPAIR_CHECKLIST_V1, calendar, {
      REPAIR_DECISION_WORKING_DAYS: 5,
    });
    decide = new DecideRepairApplicationHandler(dataSource, new OutboxPublisher(repairDefinition as ServiceDefinition));
    list = new ListRepairApplicationsHandler(dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** A record Hubei pushed (`credit.records.created` with `partner`), as collection announces it. */
  async function hubeiRecord(decisionDate: string): Promise<CreditRecordCreatedV1> {
    const data: CreditRecordCreatedV1 = {
      recordId: randomUUID(),
      recordType: 'administrative-penalty',
      subject: { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' },
      region: '420100',
      severity: 'general',
      decisionDate,
      documentNumber: `鄂交罚〔2026〕${Math.floor(Math.random() * 10_000)}号`,
      isPublic: true,
      summary: '超限运输',
      sourceClientId: 'hubei-partner',
      receivedAt: new Date().toISOString(),
      payload: { violationType: '超限运输' },
      partner: { region: '420000', sourceReference: `HB-${randomUUID()}`, agreement: 'hubei-demo' },
    };
    await dataSource.transaction((manager) => consumer.created({ data } as EventEnvelope<CreditRecordCreatedV1>, manager));
    return data;
  }

  const stored = (recordId: string) =>
    db.query(`SELECT status, forwarded_to AS "forwardedTo" FROM repair.repair_applications WHERE record_id = $1`, [recordId]) as Promise<unknown[]>;

  it('past the minimum: forwarded to Hubei (not pending here), shown to the applicant with where it went, in no queue of ours', async () => {
    const record = await hubeiRecord(addMonths(today, -4));
    const filed = await apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] });
    expect(filed.application).toMatchObject({
      recordId: record.recordId,
      status: 'forwarded',
      forwardedTo: '420000',
      decidingRegion: '420100',
      overdue: false,
    });

    const mine = await list.execute(zhengzhou, { status: 'forwarded' });
    expect(mine.map((a) => [a.id, a.forwardedTo])).toContainEqual([filed.application.id, '420000']);
    expect((await list.execute(henan, { status: 'pending' })).map((a) => a.id)).not.toContain(filed.application.id);
    expect((await list.execute(henan, { status: '' })).map((a) => a.id)).not.toContain(filed.application.id);

    // Our units' monthly figures (issue 19 item 10) leave it out: Hubei's unit decides it, not one of ours.
    const figures = await new GetRepairFiguresHandler(dataSource, new WorkingDayCalendar()).execute(
      { ...wuhanHere, scopes: ['records:read'] },
      { region: '420100', month: today.slice(0, 7) },
    );
    expect(figures.units).toEqual([]);

    // While it travels, a second application on the same record is refused.
    await expect(apply.execute(henan, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] })).rejects.toMatchObject({
      code: 'REPAIR.ALREADY_APPLIED',
      kind: 'conflict',
    });
  });

  it('no unit here decides it, not even a client whose region covers the record: 409 REPAIR.ROUTED_TO_PARTNER, nothing changes', async () => {
    const record = await hubeiRecord(addMonths(today, -4));
    const filed = await apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] });
    for (const unit of [henan, wuhanHere]) {
      await expect(decide.execute(unit, { applicationId: filed.application.id, outcome: 'approved', reason: '同意' })).rejects.toMatchObject({
        code: 'REPAIR.ROUTED_TO_PARTNER',
        kind: 'conflict',
        violations: [expect.objectContaining({ field: 'applicationId', message: expect.stringContaining('420000') })],
      });
    }
    expect(await stored(record.recordId)).toEqual([{ status: 'forwarded', forwardedTo: '420000' }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM repair.outbox WHERE envelope->'data'->>'applicationId' = $1`, [filed.application.id])).toEqual([
      { n: 0 },
    ]);
  });

  it('our eligibility checks still run: a partner record decided today is 422 before the 3-month minimum, nothing forwarded', async () => {
    const record = await hubeiRecord(today);
    await expect(apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] })).rejects.toMatchObject({
      code: 'REPAIR.MINIMUM_PERIOD_NOT_OVER',
      kind: 'precondition',
    });
    expect(await stored(record.recordId)).toEqual([]);
  });

  it('a list entry Hubei decided (joint measures imported it with its provenance) is forwarded to Hubei; our own entry stays ours (ADR 0088)', async () => {
    const entry = await listEntryEffective(dataSource, { region: '420000', sourceReference: randomUUID() });
    const filed = await apply.execute(zhengzhou, { recordId: entry.entryId, commitment: COMMITMENT, evidence: [] });
    expect(filed.application).toMatchObject({ targetKind: 'list-entry', listEntryId: entry.entryId, status: 'forwarded', forwardedTo: '420000' });
    await expect(decide.execute(henan, { applicationId: filed.application.id, outcome: 'approved', reason: '同意' })).rejects.toMatchObject({
      code: 'REPAIR.ROUTED_TO_PARTNER',
    });
    const ours = await listEntryEffective(dataSource, null);
    const local = await apply.execute(zhengzhou, { recordId: ours.entryId, commitment: COMMITMENT, evidence: [] });
    expect(local.application).toMatchObject({ targetKind: 'list-entry', status: 'pending', forwardedTo: '' });
  });

  it('keeps the provenance when an update (which carries none) replaces the copy: still routed', async () => {
    const record = await hubeiRecord(addMonths(today, -4));
    const update: CreditRecordUpdatedV1 = {
      ...record,
      status: 'under-objection',
      change: 'objection-opened',
      version: 2,
      changes: {},
      changedBy: 'collection',
      changedAt: new Date().toISOString(),
    };
    await dataSource.transaction((manager) => consumer.updated({ data: update } as EventEnvelope<CreditRecordUpdatedV1>, manager));
    expect(await dataSource.transaction((m) => new RepairRecordReader().find(m, record.recordId))).toMatchObject({
      status: 'under-objection',
      partner: record.partner,
    });
    const filed = await apply.execute(zhengzhou, { recordId: record.recordId, commitment: COMMITMENT, evidence: [] });
    expect(filed.application).toMatchObject({ status: 'forwarded', forwardedTo: '420000' });
  });
});

/*
 * Sending and answering (ADR 0084), repair's side: the forwarded rows are the outbox the gateway's
 * forwarder reads as the partner; each step is noted; the partner's decision is applied as a local
 * one (approved: `repair.records.repaired` in the outbox; rejected: the reason kept).
 */
describe('repair: forwarded applications sent and answered (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let consumer: RecordEventsConsumer;
  let apply: ApplyForRepairHandler;
  let forwarding: PartnerForwardingHandler;
  const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };
  const hubei: Principal = { clientId: 'repair-forwarder:420000', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '420000' };
  const jiangsu: Principal = { clientId: 'repair-forwarder:320000', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '320000' };
  const COMMITMENT = '本单位已纠正失信行为、履行相关义务，承诺今后依法诚信经营（信用承诺书）';
  const WATCH = { REPAIR_PARTNER_REVOCATION_WATCH_DAYS: 30, REPAIR_REVOCATION_BAR_MONTHS: 12 };

  beforeAll(async () => {
    db = await cloneTestDatabase('repair-forwarding');
    dataSource = await db.dataSource(repairDefinition);
    consumer = new RecordEventsConsumer({} as EventConsumers, new ApplyRecordEventHandler());
    apply = new ApplyForRepairHandler(dataSource, new RepairRecordReader(), REPAIR_RULES_V1, REPAIR_CHECKLIST_V1, new WorkingDayCalendar(), {
      REPAIR_DECISION_WORKING_DAYS: 5,
    });
    forwarding = new PartnerForwardingHandler(dataSource, new OutboxPublisher(repairDefinition as ServiceDefinition), WATCH);
  });

  const outboxOf = (applicationId: string) =>
    db.query(`SELECT subject, envelope->'data' AS data FROM repair.outbox WHERE envelope->'data'->>'applicationId' = $1 ORDER BY subject COLLATE "C"`, [
      applicationId,
    ]) as Promise<{ subject: string; data: Record<string, unknown> }[]>;

  afterAll(async () => {
    await db?.drop();
  });

  async function forwardedApplication(): Promise<{ applicationId: string; recordId: string; sourceReference: string }> {
    const sourceReference = randomUUID();
    const data: CreditRecordCreatedV1 = {
      recordId: randomUUID(),
      recordType: 'administrative-penalty',
      subject: { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' },
      region: '420100',
      severity: 'general',
      decisionDate: addMonths(chinaToday(), -4),
      documentNumber: `鄂交罚〔2026〕${Math.floor(Math.random() * 10_000)}号`,
      isPublic: true,
      summary: '超限运输',
      sourceClientId: 'hubei-partner',
      receivedAt: new Date().toISOString(),
      payload: { violationType: '超限运输' },
      partner: { region: '420000', sourceReference, agreement: 'hubei-demo' },
    };
    await dataSource.transaction((manager) => consumer.created({ data } as EventEnvelope<CreditRecordCreatedV1>, manager));
    const filed = await apply.execute(zhengzhou, { recordId: data.recordId, commitment: COMMITMENT, evidence: [] });
    return { applicationId: filed.application.id, recordId: data.recordId, sourceReference };
  }

  const dueIds = async (principal: Principal) => (await forwarding.due(principal, 100)).map((d) => d.applicationId);

  it('due at once for Hubei only, with the record’s Hubei reference as target; a failure is retried later, a send then waits for the answer', async () => {
    const { applicationId, sourceReference } = await forwardedApplication();
    const [due] = (await forwarding.due(hubei, 100)).filter((d) => d.applicationId === applicationId);
    expect(due).toMatchObject({ target: sourceReference, commitment: COMMITMENT, partnerApplicationId: '', attempts: 0, subjectName: '武汉某运输有限公司' });
    expect(await dueIds(jiangsu)).not.toContain(applicationId);

    await forwarding.progress(hubei, { applicationId, partnerApplicationId: '', failure: 'POST …: 503', retryInMs: 3_600_000 });
    expect(await dueIds(hubei)).not.toContain(applicationId);
    // Due again (as if the hour passed): one failed attempt counted for the backoff.
    await db.query(`UPDATE repair.repair_applications SET next_forward_at = now() WHERE id = $1`, [applicationId]);
    expect((await forwarding.due(hubei, 100)).find((d) => d.applicationId === applicationId)).toMatchObject({ attempts: 1 });

    await forwarding.progress(hubei, { applicationId, partnerApplicationId: 'hb-77', failure: '', retryInMs: 0 });
    expect((await forwarding.due(hubei, 100)).find((d) => d.applicationId === applicationId)).toMatchObject({ partnerApplicationId: 'hb-77', attempts: 0 });
    await expect(forwarding.progress(jiangsu, { applicationId, partnerApplicationId: 'x', failure: '', retryInMs: 0 })).rejects.toMatchObject({
      code: 'REPAIR.APPLICATION_NOT_FOUND',
    });
  });

  it('Hubei’s approval is applied as a local one: approved, decided by Hubei’s unit, repair.records.repaired in the outbox; applied once; then watched', async () => {
    const { applicationId, recordId } = await forwardedApplication();
    const answer = { applicationId, outcome: 'approved', reason: '已纠正，同意修复', decidedBy: 'wuhan', decidedAt: new Date().toISOString() };
    expect(await forwarding.answer(hubei, answer)).toMatchObject({
      status: 'approved',
      decidedBy: '420000:wuhan',
      decisionReason: '已纠正，同意修复',
      forwardedTo: '420000',
    });
    expect(await forwarding.answer(hubei, { ...answer, outcome: 'rejected' })).toMatchObject({ status: 'approved' });
    // Watched for Hubei's revocation of it (ADR 0088): due at once as an approval, to Hubei only.
    expect((await forwarding.due(hubei, 100)).find((d) => d.applicationId === applicationId)).toMatchObject({ status: 'approved', targetKind: 'record' });
    expect(await dueIds(jiangsu)).not.toContain(applicationId);
    expect(
      await db.query(
        `SELECT envelope->'data'->>'recordId' AS "recordId" FROM repair.outbox WHERE subject = 'repair.records.repaired' AND envelope->'data'->>'applicationId' = $1`,
        [applicationId],
      ),
    ).toEqual([{ recordId }]);
  });

  it('a rejection is recorded with its reason, nothing announced', async () => {
    const { applicationId } = await forwardedApplication();
    expect(await forwarding.answer(hubei, { applicationId, outcome: 'rejected', reason: '失信行为尚未纠正', decidedBy: 'wuhan', decidedAt: '' })).toMatchObject(
      {
        status: 'rejected',
        decisionReason: '失信行为尚未纠正',
      },
    );
    expect(await db.query(`SELECT count(*)::int AS n FROM repair.outbox WHERE envelope->'data'->>'applicationId' = $1`, [applicationId])).toEqual([{ n: 0 }]);
  });

  it('a list entry Hubei decided is due with its kind and Hubei’s entry id as target; Hubei’s approval removes it as a local one does', async () => {
    const sourceReference = randomUUID();
    const entry = await listEntryEffective(dataSource, { region: '420000', sourceReference });
    const filed = await apply.execute(zhengzhou, { recordId: entry.entryId, commitment: COMMITMENT, evidence: [] });
    expect((await forwarding.due(hubei, 100)).find((d) => d.applicationId === filed.application.id)).toMatchObject({
      status: 'forwarded',
      targetKind: 'list-entry',
      target: sourceReference,
      subjectId: entry.subject.id,
      subjectName: '武汉某运输有限公司',
    });
    await forwarding.answer(hubei, { applicationId: filed.application.id, outcome: 'approved', reason: '同意移出', decidedBy: 'wuhan', decidedAt: '' });
    expect(await outboxOf(filed.application.id)).toEqual([
      { subject: 'repair.list-entries.repaired', data: expect.objectContaining({ entryId: entry.entryId, decidedBy: '420000:wuhan' }) },
    ]);
  });

  /*
   * Issue 19 item 8 through the exchange (ADR 0088): Hubei revokes a repair it approved for us (the
   * commitment was false). Revoked here as a local revocation is (DOMAIN.md §5): what the repair
   * ended is restored and the subject may not apply again for REPAIR_REVOCATION_BAR_MONTHS (12
   * here) from today.
   */
  it('Hubei’s revocation of its approval: revoked here, the record restored, the subject barred for 12 months; applied once; no longer watched', async () => {
    const { applicationId, recordId } = await forwardedApplication();
    await forwarding.answer(hubei, { applicationId, outcome: 'approved', reason: '同意修复', decidedBy: 'wuhan', decidedAt: '' });
    const revocation = { applicationId, reason: '信用承诺不实，撤销修复', revokedBy: 'wuhan', revokedAt: new Date().toISOString() };
    await expect(forwarding.revocation(jiangsu, revocation)).rejects.toMatchObject({ code: 'REPAIR.APPLICATION_NOT_FOUND' });
    const revoked = await forwarding.revocation(hubei, revocation);
    const barredUntil = addMonths(chinaToday(), 12);
    expect(revoked).toMatchObject({
      status: 'revoked',
      revokedBy: '420000:wuhan',
      revocationReason: '信用承诺不实，撤销修复',
      reapplyBarredUntil: barredUntil,
    });
    expect(await forwarding.revocation(hubei, { ...revocation, reason: '再次撤销' })).toMatchObject({
      status: 'revoked',
      revocationReason: '信用承诺不实，撤销修复',
    });
    expect((await outboxOf(applicationId)).map((e) => [e.subject, e.data.recordId ?? e.data.entryId])).toEqual([
      ['repair.records.repair-revoked', recordId],
      ['repair.records.repaired', recordId],
    ]);
    expect((await outboxOf(applicationId))[0].data).toMatchObject({ barredUntil, revokedBy: '420000:wuhan' });
    expect(await dueIds(hubei)).not.toContain(applicationId);
  });

  it('a list entry’s revocation undoes its removal (repair.list-entries.repair-revoked); a revocation of one not approved changes nothing', async () => {
    const entry = await listEntryEffective(dataSource, { region: '420000', sourceReference: randomUUID() });
    const filed = await apply.execute(zhengzhou, { recordId: entry.entryId, commitment: COMMITMENT, evidence: [] });
    const revocation = { applicationId: filed.application.id, reason: '信用承诺不实', revokedBy: 'wuhan', revokedAt: '' };
    expect(await forwarding.revocation(hubei, revocation)).toMatchObject({ status: 'forwarded' });
    await forwarding.answer(hubei, { applicationId: filed.application.id, outcome: 'approved', reason: '同意移出', decidedBy: 'wuhan', decidedAt: '' });
    expect(await forwarding.revocation(hubei, revocation)).toMatchObject({ status: 'revoked' });
    expect((await outboxOf(filed.application.id)).map((e) => [e.subject, e.data.entryId])).toEqual([
      ['repair.list-entries.repair-revoked', entry.entryId],
      ['repair.list-entries.repaired', entry.entryId],
    ]);
  });

  it('the watch is bounded: still approved, asked again after the watch interval; past its end, never due again', async () => {
    const { applicationId } = await forwardedApplication();
    await forwarding.answer(hubei, { applicationId, outcome: 'approved', reason: '同意修复', decidedBy: 'wuhan', decidedAt: '' });
    const [{ until }] = await db.query(`SELECT revocation_watch_until - decided_at AS until FROM repair.repair_applications WHERE id = $1`, [applicationId]);
    expect(until).toMatchObject({ days: 30 });
    await forwarding.progress(hubei, { applicationId, partnerApplicationId: '', failure: '', retryInMs: 3_600_000 });
    expect(await dueIds(hubei)).not.toContain(applicationId);
    await db.query(`UPDATE repair.repair_applications SET next_forward_at = now() WHERE id = $1`, [applicationId]);
    expect(await dueIds(hubei)).toContain(applicationId);
    await db.query(`UPDATE repair.repair_applications SET revocation_watch_until = now() - interval '1 second' WHERE id = $1`, [applicationId]);
    expect(await dueIds(hubei)).not.toContain(applicationId);
  });

  it('with the watch off (0 days) an approval is not asked about again', async () => {
    const unwatched = new PartnerForwardingHandler(dataSource, new OutboxPublisher(repairDefinition as ServiceDefinition), {
      ...WATCH,
      REPAIR_PARTNER_REVOCATION_WATCH_DAYS: 0,
    });
    const { applicationId } = await forwardedApplication();
    await unwatched.answer(hubei, { applicationId, outcome: 'approved', reason: '同意修复', decidedBy: 'wuhan', decidedAt: '' });
    expect(await dueIds(hubei)).not.toContain(applicationId);
  });

  it('the evidence files of an application routed to Hubei are read to be sent there, as Hubei; by no other partner', async () => {
    const files = new EvidenceFilesHandler(dataSource);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.from(randomUUID())]);
    const { sha256 } = await files.upload(zhengzhou, photo);
    await expect(files.readToForward(hubei, sha256)).rejects.toMatchObject({ code: 'FILE.NOT_FOUND' });
    const record = await forwardedApplication();
    await db.query(`UPDATE repair.repair_applications SET evidence = $2 WHERE id = $1`, [record.applicationId, JSON.stringify([`sha256:${sha256}`])]);
    expect((await files.readToForward(hubei, sha256)).content.equals(photo)).toBe(true);
    await expect(files.readToForward(jiangsu, sha256)).rejects.toMatchObject({ code: 'FILE.NOT_FOUND' });
  });
});
