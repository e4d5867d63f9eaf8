import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventEnvelope, MonitoringViolationFeedV1 } from '@contracts';
import { cloneTestDatabase, creditRecordBody, eventually, isolatedMessaging, makeUscc, TestDatabase, TestMessaging } from '@platform/testing';
import { InboxConsumer } from '@platform/messaging';
import { OutboxPublisher } from '@platform/service';
import { Principal } from '@platform/auth';
import { CatalogueStore } from '../catalogue/application/catalogue-store';
import { collectionDefinition, CollectionConfig } from '../collection.definition';
import { parseBatchLine } from '../batches/domain/ndjson-batch';
import { validateSubmission } from '../records/domain/record-submission';
import { RecordWriter } from '../records/infrastructure/record-writer';
import { JobScheduler } from './application/job-scheduler';
import { ManualClock } from './domain/clock';
import { ScheduledJob } from './domain/scheduled-job';
import { BreakOverdueCommitmentsJob, COMMITMENT_SYSTEM_CLIENT } from '../commitments/application/break-overdue-commitments.job';
import { DEFAULT_FULFILMENT_PERIOD_RULES } from '../commitments/domain/fulfilment-period';
import { ConfirmCommitmentFindingHandler } from '../commitments/application/confirm-commitment-finding.handler';
import { DismissCommitmentFindingHandler } from '../commitments/application/dismiss-commitment-finding.handler';
import { ListCommitmentFindingsHandler } from '../commitments/application/list-commitment-findings.handler';
import { AnnounceExpiringLicencesJob } from '../licences/application/announce-expiring-licences.job';
import { ListExpiringLicencesHandler } from '../licences/application/list-expiring-licences.handler';
import { ListLicenceRemindersHandler } from '../licences/application/list-licence-reminders.handler';
import { lockReminderFeed } from '../licences/infrastructure/reminder-feed-lock';
import { DEFAULT_EXPIRY_WARNING_RULES } from '../licences/domain/expiry-warning';
import { ExpirePublicityJob } from '../publicity/application/expire-publicity.job';
import { IngestMonitoringViolationHandler } from '../monitoring-feed/application/ingest-monitoring-violation.handler';
import { MONITORING_FEED_DURABLE, toIngestCommand } from '../monitoring-feed/interface/monitoring-events.consumer';

/** 2026-09-01, noon in China: the platform's "today" in these tests, moved by hand. */
const NOON_SEPT_1 = new Date('2026-09-01T04:00:00Z');
const TODAY = '2026-09-01';

type Config = Pick<
  CollectionConfig,
  | 'SCHEDULE_POLL_MS'
  | 'SCHEDULE_LEASE_SECONDS'
  | 'SCHEDULE_ENABLED'
  | 'SCHEDULE_CHUNK_SIZE'
  | 'COMMITMENT_FULFILMENT_RULES'
  | 'AUTO_BROKEN_COMMITMENT_SEVERITY'
  | 'LICENCE_WARNING_RULES'
>;

describe('collection over time: commitments, licences, publicity, monitoring feed (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let catalogues: CatalogueStore;
  let writer: RecordWriter;
  let clock: ManualClock;
  const config: Config = {
    SCHEDULE_POLL_MS: 60_000,
    SCHEDULE_LEASE_SECONDS: 30,
    SCHEDULE_ENABLED: false,
    SCHEDULE_CHUNK_SIZE: 2,
    COMMITMENT_FULFILMENT_RULES: [...DEFAULT_FULFILMENT_PERIOD_RULES],
    AUTO_BROKEN_COMMITMENT_SEVERITY: 'general',
    LICENCE_WARNING_RULES: [...DEFAULT_EXPIRY_WARNING_RULES],
  };

  beforeAll(async () => {
    db = await cloneTestDatabase('schedules');
    ds = await db.dataSource(collectionDefinition as never);
    catalogues = new CatalogueStore(ds);
    await catalogues.onModuleInit();
    writer = new RecordWriter(new OutboxPublisher(collectionDefinition));
    clock = new ManualClock(NOON_SEPT_1);
  });

  afterAll(async () => {
    await db.drop();
  });

  const scheduler = () => new JobScheduler(ds, clock, config);

  /** Stores a record as the REST path would (same parser, validation and writer), as of TODAY. */
  async function store(body: Record<string, unknown>, clientId = 'zhengzhou'): Promise<string> {
    const parsed = parseBatchLine(JSON.stringify(body));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.violations));
    const submission = validateSubmission(parsed.raw, catalogues.current(TODAY), TODAY);
    const [written] = await ds.transaction((m) => writer.write(m, clientId, [submission], new Date('2026-08-01T00:00:00Z')));
    return written.id;
  }

  const commitment = (region: string, decisionDate: string, dueDate: string, commitmentType = 'notification-commitment') => {
    const uscc = makeUscc(region);
    return {
      recordType: 'credit-commitment',
      subject: { kind: 'org', id: uscc, name: '承诺测试运输有限公司' },
      region,
      severity: 'minor',
      decisionDate,
      documentNumber: `承诺-${randomUUID().slice(0, 8)}`,
      sourceRecordId: randomUUID(),
      payload: { commitmentType, content: '开业后6个月内配齐车辆与安全员', dueDate, acceptingAuthority: '道路运输服务中心' },
    };
  };

  const outboxCount = async (subject: string, recordId: string): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE subject = $1 AND envelope->'data'->>'recordId' = $2`, [subject, recordId]))[0].n;

  describe('the scheduler', () => {
    it('runs a job on one replica per interval: the lease keeps the second out', async () => {
      const runs: string[] = [];
      const job = (replica: string): ScheduledJob => ({ name: `test.lease-${randomUUID()}`, runOnce: async () => (runs.push(replica), 0) });
      const shared = job('a');
      const [a, b] = [scheduler(), scheduler()];
      a.register(shared);
      b.register({ ...shared, runOnce: async () => (runs.push('b'), 0) });
      await Promise.all([a.tick(), b.tick()]);
      await Promise.all([a.tick(), b.tick()]);
      expect(runs).toHaveLength(1);
      const [lease] = await ds.query(`SELECT last_outcome FROM scheduled_job_leases WHERE job = $1`, [shared.name]);
      expect(lease.last_outcome).toBe('ok: 0 changed');
    });

    it('takes over a lease that has run out, and records a failing pass', async () => {
      const name = `test.takeover-${randomUUID()}`;
      await ds.query(
        `INSERT INTO scheduled_job_leases (job, holder, lease_until, last_started_at) VALUES ($1, 'dead-replica', now() - interval '1 second', now() - interval '1 minute')`,
        [name],
      );
      const s = scheduler();
      s.register({ name, runOnce: async () => Promise.reject(new Error('database went away')) });
      await s.tick();
      const [lease] = await ds.query(`SELECT holder, last_outcome FROM scheduled_job_leases WHERE job = $1`, [name]);
      expect(lease.holder).not.toBe('dead-replica');
      expect(lease.last_outcome).toBe('failed: database went away');
    });
  });

  describe('commitments', () => {
    const job = () => new BreakOverdueCommitmentsJob(ds, scheduler(), config);

    const brokenRecords = (commitmentIds: string[]) =>
      ds.query(`SELECT id FROM credit_records WHERE record_type = 'commitment-broken' AND payload->>'commitmentRecordId' = ANY($1)`, [commitmentIds]);
    const findings = (commitmentIds: string[]) =>
      ds.query(
        `SELECT commitment_record_id, status, region, accepting_client_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, description, consequence
           FROM commitment_findings WHERE commitment_record_id = ANY($1::uuid[]) ORDER BY commitment_record_id`,
        [commitmentIds],
      );

    // Issue 16: what the scheduler finds is a system-detected finding, not a record. Seed 001 第5条
    // (建立信用承诺相关信用信息的记录、归集、推送工作机制，将承诺人履行承诺情况全面纳入信用记录) has the
    // unit that handles the commitment record its fulfilment, and DOMAIN.md §2 has every penalty-like
    // record carry a decision document number: nothing is published until the unit that accepted
    // the commitment confirms the finding with its own decision, never a made-up number.
    it('finds an overdue unfulfilled commitment once, for the unit that accepted it, publishes nothing, and leaves fulfilled and pending ones alone', async () => {
      const overdue = await store(commitment('410100', '2026-03-01', '2026-08-31'));
      const dueToday = await store(commitment('410100', '2026-03-01', TODAY));
      const fulfilled = await store(commitment('410100', '2026-03-01', '2026-08-15'));
      const body = commitment('410100', '2026-03-01', '2026-08-15');
      await store({
        ...body,
        recordType: 'commitment-fulfilled',
        subject: body.subject,
        documentNumber: `履约-${fulfilled}`,
        payload: { commitmentRecordId: fulfilled, description: '已配齐车辆' },
      });

      expect(await job().runOnce(clock.now())).toBeGreaterThanOrEqual(1);
      expect(await brokenRecords([overdue, dueToday, fulfilled])).toEqual([]);
      expect(await ds.query(`SELECT id FROM credit_records WHERE source_client_id = $1`, [COMMITMENT_SYSTEM_CLIENT])).toEqual([]);
      const found = await findings([overdue, dueToday, fulfilled]);
      expect(found).toEqual([
        expect.objectContaining({ commitment_record_id: overdue, status: 'pending', region: '410100', accepting_client_id: 'zhengzhou', due_on: '2026-08-31' }),
      ]);
      expect(found[0].description).toContain('2026-08-31');

      // Again, and on two replicas at once: never a second finding.
      await Promise.all([job().runOnce(clock.now()), job().runOnce(clock.now())]);
      expect(await findings([overdue])).toHaveLength(1);

      // The next day, the one due today is overdue too.
      clock.set(new Date('2026-09-02T04:00:00Z'));
      await job().runOnce(clock.now());
      clock.set(NOON_SEPT_1);
      expect((await findings([overdue, dueToday, fulfilled])).map((f: { commitment_record_id: string }) => f.commitment_record_id).sort()).toEqual(
        [overdue, dueToday].sort(),
      );
      expect(await brokenRecords([overdue, dueToday, fulfilled])).toEqual([]);
    });

    it('does not count a revoked fulfilment: the commitment is still found broken', async () => {
      const id = await store(commitment('410100', '2026-02-01', '2026-07-01'));
      const body = commitment('410100', '2026-02-01', '2026-07-01');
      const fulfilment = await store({
        ...body,
        recordType: 'commitment-fulfilled',
        documentNumber: `履约-${id}`,
        payload: { commitmentRecordId: id, description: '已履约' },
      });
      await ds.query(`UPDATE credit_records SET status = 'revoked' WHERE id = $1`, [fulfilment]);
      await job().runOnce(clock.now());
      expect(await findings([id])).toEqual([expect.objectContaining({ status: 'pending' })]);
      expect(await brokenRecords([id])).toEqual([]);
    });

    it('finds a Hangzhou opening-licence commitment 180 days after it was made, whatever its own due date (seed 004)', async () => {
      // 2026-03-01 + 180 days = 2026-08-28 < today; its own due date is next year.
      const hangzhou = await store(commitment('330100', '2026-03-01', '2027-03-01'), 'zhejiang');
      const elsewhere = await store(commitment('410100', '2026-03-01', '2027-03-01'));
      await job().runOnce(clock.now());
      const found = await findings([hangzhou, elsewhere]);
      expect(found).toEqual([
        expect.objectContaining({
          commitment_record_id: hangzhou,
          accepting_client_id: 'zhejiang',
          due_on: '2026-08-28',
          consequence: '撤销《道路普通货物运输经营许可》',
        }),
      ]);
      expect(found[0].description).toContain('2026-08-28');
    });
  });

  describe('commitment findings: the accepting unit decides', () => {
    const job = () => new BreakOverdueCommitmentsJob(ds, scheduler(), config);
    const zhengzhou: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410100' };
    const henan: Principal = { clientId: 'henan', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410000' };
    const luoyang: Principal = { clientId: 'luoyang', kind: 'integrator', scopes: ['records:write', 'records:read'], region: '410300' };
    const list = (principal: Principal, status = 'pending') =>
      new ListCommitmentFindingsHandler(ds).execute(principal, { status, region: '', limit: 500, cursor: '' });
    const confirm = () => new ConfirmCommitmentFindingHandler(ds, writer, catalogues, config, clock);
    const dismiss = () => new DismissCommitmentFindingHandler(ds);
    const findingOf = async (commitmentId: string) => (await list(zhengzhou, '')).findings.find((f) => f.commitmentRecordId === commitmentId)!;
    const brokenOf = (commitmentId: string) =>
      ds.query(
        `SELECT id, source_client_id, document_number, decision_date::text AS decision_date, severity, payload FROM credit_records
          WHERE record_type = 'commitment-broken' AND payload->>'commitmentRecordId' = $1`,
        [commitmentId],
      );

    it('lists a pending finding for its region only; confirming publishes one record with the unit’s document, once', async () => {
      const id = await store(commitment('410100', '2026-04-01', '2026-08-20'));
      await job().runOnce(clock.now());
      const finding = await findingOf(id);
      expect(finding).toMatchObject({ status: 'pending', acceptingClientId: 'zhengzhou', dueOn: '2026-08-20', brokenRecordId: '' });
      expect((await list(henan)).findings.map((f) => f.id)).toContain(finding.id);
      expect((await list(luoyang)).findings.map((f) => f.id)).not.toContain(finding.id);
      await expect(confirm().execute(luoyang, { findingId: finding.id, documentNumber: 'X', decisionDate: TODAY, severity: '' })).rejects.toMatchObject({
        code: 'COMMITMENT_FINDING.NOT_FOUND',
      });
      // The province is in scope but did not accept the commitment.
      await expect(confirm().execute(henan, { findingId: finding.id, documentNumber: 'X', decisionDate: TODAY, severity: '' })).rejects.toMatchObject({
        code: 'COMMITMENT_FINDING.NOT_ACCEPTING_UNIT',
        kind: 'forbidden',
      });
      // Bad input names every field; nothing is written.
      await expect(
        confirm().execute(zhengzhou, { findingId: finding.id, documentNumber: ' ', decisionDate: '2026-08-20', severity: 'huge' }),
      ).rejects.toMatchObject({
        code: 'COMMITMENT_FINDING.INVALID',
        kind: 'validation',
        violations: [
          expect.objectContaining({ field: 'documentNumber', code: 'REQUIRED' }),
          expect.objectContaining({ field: 'decisionDate', code: 'BEFORE_DUE' }),
          expect.objectContaining({ field: 'severity', code: 'INVALID_SEVERITY' }),
        ],
      });
      expect(await brokenOf(id)).toEqual([]);

      const decision = { findingId: finding.id, documentNumber: '郑交违诺〔2026〕7号', decisionDate: TODAY, severity: '' };
      const confirmed = await confirm().execute(zhengzhou, decision);
      expect(confirmed.finding).toMatchObject({
        status: 'confirmed',
        decidedBy: 'zhengzhou',
        decisionDocumentNumber: '郑交违诺〔2026〕7号',
        severity: 'general',
      });
      const [record] = await brokenOf(id);
      expect(record).toMatchObject({
        id: confirmed.finding.brokenRecordId,
        source_client_id: 'zhengzhou',
        document_number: '郑交违诺〔2026〕7号',
        decision_date: TODAY,
        severity: 'general',
        payload: { commitmentRecordId: id, detectedBy: 'automatic-due-date' },
      });
      expect(await outboxCount('credit.records.created', record.id)).toBe(1);

      // A retry (same decision, even two at once) answers the same and writes nothing more.
      const retries = await Promise.all([confirm().execute(zhengzhou, decision), confirm().execute(zhengzhou, decision)]);
      expect(retries.map((r) => r.finding)).toEqual([confirmed.finding, confirmed.finding]);
      expect(await brokenOf(id)).toHaveLength(1);
      expect(await outboxCount('credit.records.created', record.id)).toBe(1);
      // Another decision on a decided finding is a conflict.
      await expect(confirm().execute(zhengzhou, { ...decision, documentNumber: '另一文号' })).rejects.toMatchObject({
        code: 'COMMITMENT_FINDING.ALREADY_DECIDED',
        kind: 'conflict',
      });
      await expect(dismiss().execute(zhengzhou, { findingId: finding.id, reason: '已履约' })).rejects.toMatchObject({
        code: 'COMMITMENT_FINDING.ALREADY_DECIDED',
      });
      // The job does not find it again.
      await job().runOnce(clock.now());
      expect((await list(zhengzhou, '')).findings.filter((f) => f.commitmentRecordId === id)).toHaveLength(1);
    });

    it('dismissing publishes nothing, and the finding is not made again', async () => {
      const id = await store(commitment('410100', '2026-04-01', '2026-08-21'));
      await job().runOnce(clock.now());
      const finding = await findingOf(id);
      await expect(dismiss().execute(zhengzhou, { findingId: finding.id, reason: '  ' })).rejects.toMatchObject({
        code: 'COMMITMENT_FINDING.INVALID',
        violations: [expect.objectContaining({ field: 'reason' })],
      });
      const dismissed = await dismiss().execute(zhengzhou, { findingId: finding.id, reason: '已于期限内履约，履约材料未及时录入' });
      expect(dismissed.finding).toMatchObject({ status: 'dismissed', dismissReason: '已于期限内履约，履约材料未及时录入', brokenRecordId: '' });
      expect((await dismiss().execute(zhengzhou, { findingId: finding.id, reason: '重复提交' })).finding).toEqual(dismissed.finding);
      await job().runOnce(clock.now());
      expect(await brokenOf(id)).toEqual([]);
      expect((await list(zhengzhou, 'dismissed')).findings.filter((f) => f.commitmentRecordId === id)).toEqual([dismissed.finding]);
      expect((await list(zhengzhou)).findings.map((f) => f.commitmentRecordId)).not.toContain(id);
    });
  });

  describe('licences', () => {
    const licence = (region: string, validUntil: string, subjectId = makeUscc(region)) => ({
      recordType: 'administrative-licence',
      subject: { kind: 'org', id: subjectId, name: '许可测试运输有限公司' },
      region,
      severity: 'minor',
      decisionDate: '2026-01-05',
      documentNumber: `许可-${randomUUID().slice(0, 8)}`,
      sourceRecordId: randomUUID(),
      payload: {
        licenceCategory: 'ordinary',
        licenceName: '道路运输经营许可证',
        licenceNumber: `豫交运管许可${randomUUID().slice(0, 6)}`,
        content: '道路普通货物运输',
        validFrom: '2022-09-10',
        validUntil,
        authority: '焦作市交通运输局',
        authorityUscc: '11410800005263412X',
      },
    });
    const principal = (region: string): Principal => ({ clientId: 'reader', kind: 'integrator', scopes: ['records:read'], region });
    const query = () => new ListExpiringLicencesHandler(ds, clock, config);
    const request = { region: '', withinDays: 0, subjectId: '', sourceClientId: '', limit: 0, cursor: '' };

    it("lists licences ending within Jiaozuo's month, per subject and per unit, inside the caller's region", async () => {
      const soon = await store(licence('410800', '2026-09-20'), 'jiaozuo');
      const lastDay = await store(licence('410800', '2026-10-01'), 'jiaozuo');
      await store(licence('410800', '2026-10-02'), 'jiaozuo');
      await store(licence('410800', '2026-08-31'), 'jiaozuo');
      const zhengzhou = await store(licence('410100', '2026-09-10'));

      const jiaozuo = await query().execute(principal('410800'), request);
      expect(jiaozuo).toMatchObject({ windowFrom: TODAY, windowUntil: '2026-10-01', windowDays: 30 });
      expect(jiaozuo.windowBasis).toContain('焦作');
      expect(jiaozuo.licences.map((l) => [l.recordId, l.validUntil, l.daysLeft])).toEqual([
        [soon, '2026-09-20', 19],
        [lastDay, '2026-10-01', 30],
      ]);
      expect(jiaozuo.licences[0]).toMatchObject({
        licenceName: '道路运输经营许可证',
        authority: '焦作市交通运输局',
        sourceClientId: 'jiaozuo',
        announced: false,
      });

      const province = await query().execute(principal('410000'), { ...request, withinDays: 20 });
      expect(province.licences.map((l) => l.recordId)).toEqual([zhengzhou, soon]);
      const byUnit = await query().execute(principal('410000'), { ...request, withinDays: 20, sourceClientId: 'zhengzhou' });
      expect(byUnit.licences.map((l) => l.recordId)).toEqual([zhengzhou]);
      const subject = jiaozuo.licences[0].subject!.id;
      expect((await query().execute(principal('410000'), { ...request, withinDays: 60, subjectId: subject })).licences.map((l) => l.recordId)).toEqual([soon]);
      const paged = await query().execute(principal('410000'), { ...request, withinDays: 60, limit: 1 });
      const next = await query().execute(principal('410000'), { ...request, withinDays: 60, limit: 1, cursor: paged.nextCursor });
      expect([paged.licences[0].recordId, next.licences[0].recordId]).toEqual([zhengzhou, soon]);

      await expect(query().execute(principal('410100'), { ...request, region: '410800' })).rejects.toMatchObject({ code: 'AUTH.REGION_FORBIDDEN' });
    });

    it('announces each licence entering its window once, with the event in the outbox', async () => {
      const job = () => new AnnounceExpiringLicencesJob(ds, new OutboxPublisher(collectionDefinition), scheduler(), config);
      const id = await store(licence('410800', '2026-09-25'), 'jiaozuo');
      const later = await store(licence('410800', '2026-12-25'), 'jiaozuo');
      await Promise.all([job().runOnce(clock.now()), job().runOnce(clock.now())]);
      await job().runOnce(clock.now());
      expect(await outboxCount('credit.records.licence-expiring', id)).toBe(1);
      expect(await outboxCount('credit.records.licence-expiring', later)).toBe(0);
      const [event] = await ds.query(`SELECT envelope FROM outbox WHERE subject = 'credit.records.licence-expiring' AND envelope->'data'->>'recordId' = $1`, [
        id,
      ]);
      expect(event.envelope).toMatchObject({
        region: '410800',
        data: { validUntil: '2026-09-25', daysLeft: 24, warningWindowDays: 30, sourceClientId: 'jiaozuo' },
      });
      const listed = await new ListExpiringLicencesHandler(ds, clock, config).execute(principal('410800'), request);
      expect(listed.licences.find((l) => l.recordId === id)?.announced).toBe(true);
    });

    describe('the reminder feed (issue 16: the pull form of the event)', () => {
      const job = () => new AnnounceExpiringLicencesJob(ds, new OutboxPublisher(collectionDefinition), scheduler(), config);
      const feed = (region: string, after = '', limit = 0) => new ListLicenceRemindersHandler(ds).execute(principal(region), { region: '', after, limit });
      /** Every reminder from `after` on, page by page, as a poller would read them; and where it stopped. */
      const drain = async (region: string, after = '') => {
        const seen: string[] = [];
        let cursor = after;
        for (;;) {
          const page = await feed(region, cursor, 2);
          seen.push(...page.reminders.map((r) => r.recordId));
          if (page.reminders.length === 0) return { seen, cursor: page.nextCursor };
          cursor = page.nextCursor;
        }
      };

      it('serves each reminder as the event announced it, once, in announcement order, inside the caller’s region', async () => {
        const start = (await drain('410000')).cursor;
        const a = await store(licence('410800', '2026-09-21'), 'jiaozuo');
        const b = await store(licence('410100', '2026-09-22'));
        await job().runOnce(clock.now());
        const { seen, cursor } = await drain('410000', start);
        expect(seen.filter((id) => [a, b].includes(id)).sort()).toEqual([a, b].sort());
        const [event] = await ds.query(`SELECT envelope FROM outbox WHERE subject = 'credit.records.licence-expiring' AND envelope->'data'->>'recordId' = $1`, [
          a,
        ]);
        const reminder = (await feed('410000', start, 500)).reminders.find((r) => r.recordId === a)!;
        const { position: _position, ...announced } = reminder;
        expect(announced).toEqual(event.envelope.data);
        // Polled again, and after another pass of the job: nothing new, nothing repeated.
        await job().runOnce(clock.now());
        expect((await drain('410000', cursor)).seen).toEqual([]);
        // A Jiaozuo reader sees Jiaozuo's reminders only; another city's region is refused.
        expect((await drain('410800', start)).seen).toContain(a);
        expect((await drain('410800', start)).seen).not.toContain(b);
        await expect(
          feed('410100', '', 0).then(() => new ListLicenceRemindersHandler(ds).execute(principal('410100'), { region: '410800', after: '', limit: 0 })),
        ).rejects.toMatchObject({
          code: 'AUTH.REGION_FORBIDDEN',
        });
        await expect(feed('410000', 'bm90LWEtY3Vyc29y', 0)).rejects.toMatchObject({
          code: 'LICENCE.INVALID_QUERY',
          violations: [expect.objectContaining({ field: 'after' })],
        });
      });

      it('never lets a reminder committed late fall behind a cursor already handed out', async () => {
        const start = (await drain('410000')).cursor;
        const early = await store(licence('410100', '2026-09-23'));
        const late = await store(licence('410100', '2026-09-24'));
        // A slow writer of notices: it takes its feed position first and commits last.
        const slow = ds.createQueryRunner();
        await slow.connect();
        await slow.startTransaction();
        try {
          await lockReminderFeed(slow.manager);
          await slow.query(
            `INSERT INTO licence_expiry_notices (record_id, valid_until, announced_at, region, reminder)
             SELECT id, (payload->>'validUntil')::date, now(), region, jsonb_build_object('recordId', id) FROM credit_records WHERE id = $1`,
            [early],
          );
          const announcing = job().runOnce(clock.now()); // announces `late`: waits for the slow writer
          await new Promise((resolve) => setTimeout(resolve, 200));
          const meanwhile = await drain('410000', start);
          expect(meanwhile.seen.filter((id) => [early, late].includes(id))).toEqual([]);
          await slow.commitTransaction();
          await announcing;
          const after = await drain('410000', meanwhile.cursor);
          expect(after.seen.filter((id) => [early, late].includes(id))).toEqual([early, late]);
          expect((await drain('410000', after.cursor)).seen).toEqual([]);
        } finally {
          if (slow.isTransactionActive) await slow.rollbackTransaction();
          await slow.release();
        }
      });
    });
  });

  describe('publicity', () => {
    const job = () => new ExpirePublicityJob(ds, new OutboxPublisher(collectionDefinition), catalogues, scheduler(), config);
    const penalty = (severity: string, decisionDate: string) => ({ ...creditRecordBody(), severity, decisionDate, sourceRecordId: randomUUID() });

    it('expires a record the day after its maximum publicity period, with a new version and an event', async () => {
      // Minor: 3 months. Decided 2026-05-31 → last day 2026-08-31 → expired on 2026-09-01.
      const over = await store(penalty('minor', '2026-05-31'));
      // Decided 2026-06-01 → last day 2026-09-01: still published today.
      const lastDay = await store(penalty('minor', '2026-06-01'));
      const general = await store(penalty('general', '2026-05-31'));
      const monitoring = await store({
        recordType: 'monitoring-violation',
        subject: { kind: 'vehicle', id: '豫A12345', name: '豫A12345' },
        region: '410100',
        severity: 'minor',
        decisionDate: '2025-01-02',
        documentNumber: `alarm-${randomUUID().slice(0, 8)}`,
        sourceRecordId: randomUUID(),
        payload: {
          violationCode: 'fatigue-driving',
          occurredAt: '2025-01-02T03:04:05+08:00',
          plate: '豫A12345',
          plateColour: 'yellow',
          platform: '河南省综合交通运输管理服务平台',
        },
      });

      await Promise.all([job().runOnce(clock.now()), job().runOnce(clock.now())]);
      const status = async (id: string) => (await ds.query(`SELECT status, version FROM credit_records WHERE id = $1`, [id]))[0];
      expect(await status(over)).toEqual({ status: 'expired', version: 2 });
      expect(await status(lastDay)).toEqual({ status: 'active', version: 1 });
      expect(await status(general)).toEqual({ status: 'active', version: 1 });
      // Not public, so never expires from publication.
      expect(await status(monitoring)).toEqual({ status: 'active', version: 1 });

      const history = await ds.query(`SELECT version, status, change, reason, changed_by FROM credit_record_versions WHERE record_id = $1 ORDER BY version`, [
        over,
      ]);
      expect(history).toEqual([
        expect.objectContaining({ version: 1, status: 'active', change: 'created' }),
        { version: 2, status: 'expired', change: 'expired', reason: '公示期满：2026-08-31（国家发展改革委令2025年第36号）', changed_by: 'system:publicity' },
      ]);
      const [event] = await ds.query(`SELECT envelope FROM outbox WHERE subject = 'credit.records.expired' AND envelope->'data'->>'recordId' = $1`, [over]);
      expect(event.envelope.data).toMatchObject({ publicityEndedOn: '2026-08-31', severity: 'minor', version: 2 });

      await job().runOnce(clock.now());
      expect(await outboxCount('credit.records.expired', over)).toBe(1);
      clock.set(new Date('2026-09-02T04:00:00Z'));
      await job().runOnce(clock.now());
      clock.set(NOON_SEPT_1);
      expect(await status(lastDay)).toEqual({ status: 'expired', version: 2 });
    });
  });

  describe('monitoring feed', () => {
    let messaging: TestMessaging;
    let consumer: InboxConsumer;

    beforeAll(async () => {
      messaging = await isolatedMessaging();
      const ingest = new IngestMonitoringViolationHandler(writer, catalogues);
      consumer = new InboxConsumer(
        ds,
        messaging.js,
        messaging.jsm,
        messaging.ns,
        { stream: 'MONITORING', durable: MONITORING_FEED_DURABLE, filterSubject: 'telemetry.monitoring.violations.>', maxDeliver: 3, ackWaitMs: 2000 },
        async (event, manager, delivery) => {
          await ingest.execute(toIngestCommand(event, delivery.subject), manager);
        },
      );
      await consumer.start();
    });

    afterAll(async () => {
      await consumer.stop();
      await messaging.cleanup();
    });

    const violation = (overrides: Partial<MonitoringViolationFeedV1['record']> = {}): MonitoringViolationFeedV1['record'] => ({
      recordType: 'monitoring-violation',
      subject: { kind: 'vehicle', id: '豫A6B789', name: '豫A6B789' },
      region: '410100',
      severity: 'general',
      decisionDate: '2026-08-30',
      documentNumber: `BJ-${randomUUID().slice(0, 12)}`,
      sourceRecordId: `alarm-${randomUUID()}`,
      payload: {
        violationCode: 'speeding',
        occurredAt: '2026-08-30T10:11:12+08:00',
        plate: '豫A6B789',
        plateColour: 'yellow',
        platform: '河南省综合交通运输管理服务平台',
        speedKmh: 98,
        limitKmh: 80,
      },
      ...overrides,
    });

    async function publish(region: string, data: unknown, id: string = randomUUID()): Promise<string> {
      const envelope: EventEnvelope = {
        id,
        type: 'telemetry.monitoring.violations',
        version: 1,
        occurredAt: new Date().toISOString(),
        subjectId: '',
        region,
        data,
      };
      await messaging.js.publish(messaging.ns.subject(`telemetry.monitoring.violations.${region}`), JSON.stringify(envelope));
      return id;
    }

    async function deadLetters(): Promise<{ reason: string; subject: string }[]> {
      const stream = messaging.ns.stream('DEADLETTER');
      const info = await messaging.jsm.streams.info(stream).catch(() => undefined);
      const out: { reason: string; subject: string }[] = [];
      for (let seq = info?.state.first_seq ?? 1; info && seq <= info.state.last_seq; seq++) {
        const m = await messaging.jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
        if (m) out.push({ reason: m.header.get('Dead-Letter-Reason'), subject: m.header.get('Original-Subject') });
      }
      return out;
    }

    const stored = (sourceRecordId: string) =>
      ds.query(`SELECT source_client_id, region, status FROM credit_records WHERE source_record_id = $1`, [sourceRecordId]);

    it("stores a good violation once, as the platform's client, even when the platform sends it twice", async () => {
      const record = violation();
      await publish('410100', { source: 'henan-gps', record });
      await publish('410100', { source: 'henan-gps', record });
      const rows = await eventually(
        () => stored(record.sourceRecordId),
        (r) => r.length === 1,
      );
      expect(rows).toEqual([{ source_client_id: 'monitoring:henan-gps', region: '410100', status: 'active' }]);
      const handled = await eventually(
        () => ds.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = $1`, [MONITORING_FEED_DURABLE]),
        (r) => r[0].n >= 2,
      );
      expect(handled[0].n).toBeGreaterThanOrEqual(2);
      expect(await stored(record.sourceRecordId)).toHaveLength(1);
    });

    it('dead-letters each bad message with its reason, and stores none of them', async () => {
      const before = (await deadLetters()).length;
      const bad = [
        { region: '410100', data: { source: 'henan-gps', record: violation({ payload: { violationCode: 'speeding' } }) }, expect: 'payload.occurredAt' },
        { region: '410100', data: { source: 'henan-gps', record: violation({ region: '410300' }) }, expect: 'REGION_FORBIDDEN' },
        { region: '410100', data: { source: 'henan-gps', record: { ...violation(), recordType: 'administrative-penalty' } }, expect: 'TYPE_NOT_ALLOWED' },
        { region: '410100', data: { source: 'henan-gps', record: violation({ sourceRecordId: '' }) }, expect: 'record.sourceRecordId' },
        { region: '410100', data: { source: 'Bad Source!', record: violation() }, expect: 'FEED.INVALID_SOURCE' },
        { region: 'zhengzhou', data: { source: 'henan-gps', record: violation() }, expect: 'FEED.INVALID_SUBJECT' },
      ];
      for (const b of bad) await publish(b.region, b.data);
      const letters = await eventually(deadLetters, (l) => l.length >= before + bad.length);
      const reasons = letters.slice(before).map((l) => l.reason);
      for (const b of bad) expect(reasons.some((r) => r.includes(b.expect))).toBe(true);
      for (const b of bad) expect(await stored((b.data as { record: { sourceRecordId: string } }).record.sourceRecordId || '-')).toEqual([]);
    });

    it('dead-letters a true duplicate (same document, another source) as RECORD.DUPLICATE', async () => {
      const record = violation();
      await publish('410100', { source: 'henan-gps', record });
      await eventually(
        () => stored(record.sourceRecordId),
        (r) => r.length === 1,
      );
      const before = (await deadLetters()).length;
      await publish('410000', { source: 'province-gps', record: { ...record, sourceRecordId: `other-${record.sourceRecordId}` } });
      const letters = await eventually(deadLetters, (l) => l.length > before);
      expect(letters.slice(before)[0].reason).toContain('RECORD.DUPLICATE');
    });
  });
});
