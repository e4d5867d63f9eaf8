import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, ListEntryV1 } from '@contracts';
import { addMonths, WorkingDayCalendar } from '@domain/calendar';
import type { Principal } from '@platform/auth';
import { EventConsumers, OutboxPublisher, ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { ApplyRecordEventHandler } from '../records/application/apply-record-event.handler';
import { RepairRecordReader } from '../records/application/repair-record-reader';
import { ListEntryEventsConsumer } from '../records/interface/list-entry-events.consumer';
import { RecordEventsConsumer } from '../records/interface/record-events.consumer';
import { EvidenceFilesHandler } from '../evidence/application/evidence-files.handler';
import { REPAIR_CHECKLIST_V1 } from '../rules/domain/shipped-repair-checklist';
import { REPAIR_RULES_V1 } from '../rules/domain/shipped-repair-rules';
import { repairDefinition } from '../repair.definition';
import { DecideRepairApplicationHandler } from './application/decide-repair-application.handler';
import { GetPartnerRepairApplicationHandler } from './application/get-partner-repair-application.handler';
import { ListRepairApplicationsHandler } from './application/list-repair-applications.handler';
import { ReceivePartnerRepairApplicationHandler } from './application/receive-partner-repair-application.handler';

/*
 * The partner-facing side of 谁认定、谁修复 (issue 19 item 5, ADR 0084), against real PostgreSQL:
 * a Hubei company fined by Zhengzhou (our record) applies in Hubei; Hubei forwards the application
 * to us. It is checked as a local one (DOMAIN.md §5: a general penalty at least 3 months from its
 * decision date), queued for Zhengzhou's unit with Hubei as origin, and Hubei reads our decision.
 */
describe('repair: applications a partner province forwards about records we decided (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let consumer: RecordEventsConsumer;
  let receive: ReceivePartnerRepairApplicationHandler;
  let read: GetPartnerRepairApplicationHandler;
  let decide: DecideRepairApplicationHandler;
  let list: ListRepairApplicationsHandler;
  const hubei: Principal = { clientId: 'hubei-partner', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '420000' };
  const jiangsu: Principal = { clientId: 'jiangsu-partner', kind: 'partner', scopes: ['exchange:read', 'exchange:write'], region: '320000' };
  const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };
  const today = chinaToday();
  const COMMITMENT = '本单位已纠正失信行为、履行相关义务，承诺今后依法诚信经营（信用承诺书）';

  beforeAll(async () => {
    db = await cloneTestDatabase('repair-partner-applications');
    dataSource = await db.dataSource(repairDefinition);
    consumer = new RecordEventsConsumer({} as EventConsumers, new ApplyRecordEventHandler());
    const calendar = new WorkingDayCalendar();
    const config = { REPAIR_DECISION_WORKING_DAYS: 5 };
    receive = new ReceivePartnerRepairApplicationHandler(dataSource, new RepairRecordReader(), REPAIR_RULES_V1, REPAIR_CHECKLIST_V1, calendar, config);
    read = new GetPartnerRepairApplicationHandler(dataSource);
    decide = new DecideRepairApplicationHandler(dataSource, new OutboxPublisher(repairDefinition as ServiceDefinition));
    list = new ListRepairApplicationsHandler(dataSource);
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function recordCreated(overrides: Partial<CreditRecordCreatedV1> = {}): Promise<CreditRecordCreatedV1> {
    const data: CreditRecordCreatedV1 = {
      recordId: randomUUID(),
      recordType: 'administrative-penalty',
      subject: { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' },
      region: '410100',
      severity: 'general',
      decisionDate: addMonths(today, -4),
      documentNumber: `郑交罚〔2026〕${Math.floor(Math.random() * 10_000)}号`,
      isPublic: true,
      summary: '超限运输',
      sourceClientId: 'zhengzhou',
      receivedAt: new Date().toISOString(),
      payload: { violationType: '超限运输' },
      ...overrides,
    };
    await dataSource.transaction((manager) => consumer.created({ data } as EventEnvelope<CreditRecordCreatedV1>, manager));
    return data;
  }

  const forwarded = (record: CreditRecordCreatedV1, reference = `HB-RA-${randomUUID()}`) => ({
    targetKind: 'record',
    recordId: record.recordId,
    subjectId: record.subject.id,
    commitment: COMMITMENT,
    evidence: ['鄂交执〔2026〕整改报告 12 号'],
    reference,
  });

  it('queued for our deciding unit with Hubei as origin; the same reference again is replayed; Hubei reads our decision, no one else does', async () => {
    const record = await recordCreated();
    const command = forwarded(record);
    const first = await receive.execute(hubei, command);
    expect(first).toMatchObject({
      replayed: false,
      application: { recordId: record.recordId, status: 'pending', decidingRegion: '410100', originPartner: '420000', originReference: command.reference },
    });
    expect(await receive.execute(hubei, command)).toEqual({ application: first.application, replayed: true });
    await expect(receive.execute(hubei, { ...command, commitment: '另一份承诺' })).rejects.toMatchObject({
      code: 'REPAIR.REFERENCE_REUSED',
      violations: [expect.objectContaining({ field: 'reference' })],
    });

    expect((await list.execute(zhengzhou, { status: 'pending' })).map((a) => a.id)).toContain(first.application.id);
    await decide.execute(zhengzhou, { applicationId: first.application.id, outcome: 'approved', reason: '已纠正并作出信用承诺，同意修复' });
    expect(await read.execute(hubei, first.application.id)).toMatchObject({ status: 'approved', decidedBy: 'zhengzhou', originPartner: '420000' });
    await expect(read.execute(jiangsu, first.application.id)).rejects.toMatchObject({ code: 'REPAIR.APPLICATION_NOT_FOUND', kind: 'not-found' });
    // The approval takes the local path: repair.records.repaired for our record.
    expect(
      await db.query(`SELECT count(*)::int AS n FROM repair.outbox WHERE subject = 'repair.records.repaired' AND envelope->'data'->>'recordId' = $1`, [
        record.recordId,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('refuses with a code, nothing stored: unknown record, a record another partner pushed, another subject, before the minimum period', async () => {
    await expect(receive.execute(hubei, { ...forwarded(await recordCreated()), recordId: randomUUID() })).rejects.toMatchObject({
      code: 'REPAIR.RECORD_NOT_FOUND',
    });
    const pushed = await recordCreated({ region: '320500', partner: { region: '320000', sourceReference: 'JS-1', agreement: 'jiangsu' } });
    await expect(receive.execute(hubei, forwarded(pushed))).rejects.toMatchObject({ code: 'REPAIR.NOT_DECIDED_HERE', kind: 'conflict' });
    const ours = await recordCreated();
    await expect(receive.execute(hubei, { ...forwarded(ours), subjectId: makeUscc('420100') })).rejects.toMatchObject({
      code: 'REPAIR.SUBJECT_MISMATCH',
      violations: [expect.objectContaining({ field: 'subject.id' })],
    });
    const fresh = await recordCreated({ decisionDate: today });
    await expect(receive.execute(hubei, forwarded(fresh))).rejects.toMatchObject({ code: 'REPAIR.MINIMUM_PERIOD_NOT_OVER', kind: 'precondition' });
    await expect(receive.execute(zhengzhou, forwarded(ours))).rejects.toMatchObject({ code: 'AUTH.INSUFFICIENT_SCOPE' });
    expect(
      await db.query(`SELECT count(*)::int AS n FROM repair.repair_applications WHERE record_id = ANY($1::uuid[])`, [
        [pushed.recordId, ours.recordId, fresh.recordId],
      ]),
    ).toEqual([{ n: 0 }]);
  });

  /** One of our list entries (or, with `partner`, one joint measures imported from a partner), as joint measures announces it. */
  async function listEntry(partner: { region: string; sourceReference: string } | null = null, status = 'effective'): Promise<ListEntryV1> {
    const data: ListEntryV1 = {
      entryId: randomUUID(),
      listType: 'severe-dishonesty',
      subject: { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' },
      region: partner ? '320500' : '410100',
      status,
      origin: partner ? 'partner-import' : 'rule',
      ruleId: null,
      grounds: '虚假材料',
      basis: [],
      provenance: partner
        ? { partnerRegion: partner.region, partnerName: '苏州市交通运输局', sourceReference: partner.sourceReference, decidedOn: today }
        : null,
      proposedOn: today,
      noticeEndsOn: today,
      startsOn: today,
      endsOn: null,
      decision: null,
      removal: null,
      version: 1,
    };
    await dataSource.transaction((manager) => new ListEntryEventsConsumer({} as EventConsumers).stored({ data } as EventEnvelope<ListEntryV1>, manager));
    return data;
  }

  const forwardedAboutEntry = (entry: ListEntryV1, reference = `HB-RA-${randomUUID()}`) => ({
    targetKind: 'list-entry',
    recordId: entry.entryId,
    subjectId: entry.subject.id,
    commitment: COMMITMENT,
    evidence: [],
    reference,
  });

  /*
   * ADR 0088: Hubei holds our list entry under our entry id (the `entry.id` of our feed) and
   * forwards the application made there about it (`targetKind: list-entry`). The listing unit's
   * region decides it; DOMAIN.md §5 gives list entries no minimum period (an effective
   * severe-dishonesty entry is repairable at once).
   */
  it('about one of our list entries: queued for the listing unit with Hubei as origin, replayed on the same reference; approval removes it', async () => {
    const entry = await listEntry();
    const command = forwardedAboutEntry(entry);
    const first = await receive.execute(hubei, command);
    expect(first.application).toMatchObject({
      targetKind: 'list-entry',
      listEntryId: entry.entryId,
      recordType: 'severe-dishonesty',
      status: 'pending',
      decidingRegion: '410100',
      originPartner: '420000',
    });
    expect(await receive.execute(hubei, command)).toEqual({ application: first.application, replayed: true });
    // The same reference about a record with that id is another request.
    await expect(receive.execute(hubei, { ...command, targetKind: 'record' })).rejects.toMatchObject({ code: 'REPAIR.REFERENCE_REUSED' });
    await decide.execute(zhengzhou, { applicationId: first.application.id, outcome: 'approved', reason: '已纠正，同意移出严重失信主体名单' });
    expect(
      await db.query(`SELECT count(*)::int AS n FROM repair.outbox WHERE subject = 'repair.list-entries.repaired' AND envelope->'data'->>'entryId' = $1`, [
        entry.entryId,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('about a list entry: refused when not ours to decide, not its subject, not in force, or named as a record; nothing stored', async () => {
    const imported = await listEntry({ region: '320500', sourceReference: 'SZ-KW-1' });
    await expect(receive.execute(hubei, forwardedAboutEntry(imported))).rejects.toMatchObject({ code: 'REPAIR.NOT_DECIDED_HERE', kind: 'conflict' });
    const ours = await listEntry();
    await expect(receive.execute(hubei, { ...forwardedAboutEntry(ours), subjectId: makeUscc('420100') })).rejects.toMatchObject({
      code: 'REPAIR.SUBJECT_MISMATCH',
      violations: [expect.objectContaining({ field: 'subject.id' })],
    });
    const removed = await listEntry(null, 'removed');
    await expect(receive.execute(hubei, forwardedAboutEntry(removed))).rejects.toMatchObject({ code: 'REPAIR.RECORD_NOT_IN_FORCE', kind: 'conflict' });
    await expect(receive.execute(hubei, { ...forwardedAboutEntry(ours), targetKind: 'record' })).rejects.toMatchObject({ code: 'REPAIR.RECORD_NOT_FOUND' });
    await expect(receive.execute(hubei, { ...forwardedAboutEntry(ours), targetKind: 'grade' })).rejects.toMatchObject({
      code: 'REPAIR.INVALID',
      violations: [expect.objectContaining({ field: 'targetKind' })],
    });
    expect(
      await db.query(`SELECT count(*)::int AS n FROM repair.repair_applications WHERE list_entry_id = ANY($1::uuid[])`, [
        [imported.entryId, ours.entryId, removed.entryId],
      ]),
    ).toEqual([{ n: 0 }]);
  });

  /*
   * Evidence files travel with the application (ADR 0088): Hubei uploads each file first (the same
   * checks as ours: type sniffed from the bytes), then the application names it `sha256:<hex>`, as
   * an application filed here must (a reference to a file not uploaded is refused on its field).
   * Our deciding unit reads it through the application.
   */
  it('evidence files: a reference to a file Hubei has not uploaded is 400 on its field; uploaded first, the deciding unit reads it', async () => {
    const files = new EvidenceFilesHandler(dataSource);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.from(randomUUID())]);
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const record = await recordCreated();
    const command = { ...forwarded(record), evidence: ['鄂交整改报告 12 号', `sha256:${sha256}`] };
    await expect(receive.execute(hubei, command)).rejects.toMatchObject({
      code: 'REPAIR.INVALID',
      violations: [expect.objectContaining({ field: 'evidence[1]', code: 'NOT_UPLOADED' })],
    });
    await expect(files.uploadFromPartner(zhengzhou, photo)).rejects.toMatchObject({ code: 'AUTH.INSUFFICIENT_SCOPE' });
    expect(await files.uploadFromPartner(hubei, photo)).toMatchObject({ sha256, mediaType: 'image/jpeg', sizeBytes: photo.byteLength });
    expect((await receive.execute(hubei, command)).application).toMatchObject({ status: 'pending', evidence: command.evidence });
    expect((await files.read(zhengzhou, sha256)).content.equals(photo)).toBe(true);
  });
});
