import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditRecordCreatedV1, EvaluationGradeWithdrawnV1, EventEnvelope, Events, RegistryDriverChangedV1, RegistryEnterpriseChangedV1 } from '@contracts';
import { addMonths } from '@domain/calendar';
import type { Principal } from '@platform/auth';
import { chinaToday, eventually, makeUscc, TestDatabase } from '@platform/testing';
import { ApplyRegistryEventHandler } from './application/apply-registry-event.handler';
import { GetSubjectEvaluationsHandler } from './application/get-subject-evaluations.handler';
import { StandingCalculator } from './application/standing-calculator';
import { startStandingPipeline, type StandingPipeline } from './standing-pipeline.fixture';

/**
 * The subject registry feeds evaluation (issue 16 item 1, ADR 0044), against real PostgreSQL and
 * JetStream: registry and record events are published to the stream and applied by the
 * production consumers (durable, inbox). A sector-bound scheme grades only subjects the registry
 * lists in one of its sectors; tenure counts from the registry's date.
 */
describe('evaluation: the subject registry decides sector applicability and tenure (PostgreSQL + JetStream)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let query: GetSubjectEvaluationsHandler;
  let calculator: StandingCalculator;
  const henanReader: Principal = { clientId: 'ha', kind: 'integrator', scopes: ['evaluations:read'], region: '410000' };
  const HENAN = 'henan-passenger-hazardous-codes';
  const ZHENGZHOU = 'zhengzhou-taxi-driver-stars';

  let pipeline: StandingPipeline;

  beforeAll(async () => {
    pipeline = await startStandingPipeline('eval-registry', '410100');
    ({ db, dataSource, calculator, query } = pipeline);
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  const publish = <T>(subject: string, subjectId: string, data: T, id?: string): Promise<string> => pipeline.publish(subject, subjectId, data, id);

  const record = (subject: CreditRecordCreatedV1['subject'], overrides: Partial<CreditRecordCreatedV1> = {}): CreditRecordCreatedV1 => ({
    recordId: randomUUID(),
    recordType: 'administrative-penalty',
    subject,
    region: '410102',
    severity: 'general',
    decisionDate: chinaToday(),
    documentNumber: `郑交罚〔2026〕${Math.floor(Math.random() * 1e6)}号`,
    isPublic: true,
    summary: '未按规定携带道路运输证',
    sourceClientId: 'zhengzhou',
    receivedAt: new Date().toISOString(),
    payload: {},
    ...overrides,
  });
  const created = (r: CreditRecordCreatedV1) => publish(Events.CreditRecordCreated.subject, r.subject.id, r);

  const enterprise = (uscc: string, sectors: string[], revision = 1, overrides: Partial<RegistryEnterpriseChangedV1> = {}): RegistryEnterpriseChangedV1 => ({
    uscc,
    name: '某运输有限公司',
    region: '410102',
    sectors,
    licences: [{ number: `豫交运管许可郑字${revision}号`, sectors, validFrom: '2020-01-01', validUntil: null, authority: '郑州市交通运输局' }],
    registeredOn: '2020-01-01',
    credit: { registered: true, committed: true, selfAssessed: false },
    active: true,
    revision,
    source: 'api',
    changedAt: new Date().toISOString(),
    ...overrides,
  });
  const enterpriseChanged = (e: RegistryEnterpriseChangedV1) => publish(Events.RegistryEnterpriseChanged.subject, e.uscc, e);

  const standing = (schemeId: string, subjectId: string) =>
    db
      .query<{
        grade: string;
        score: number;
      }>(`SELECT grade, score FROM evaluation.subject_standings WHERE scheme_id = $1 AND subject_id = $2`, [schemeId, subjectId])
      .then((rows) => rows[0]);
  const registered = (subjectId: string, revision: number) =>
    db.query(`SELECT 1 FROM evaluation.registry_subjects WHERE subject_id = $1 AND revision = $2`, [subjectId, revision]).then((r) => r.length === 1);
  const recordStored = (recordId: string) => db.query(`SELECT 1 FROM evaluation.subject_records WHERE record_id = $1`, [recordId]).then((r) => r.length === 1);

  it('Henan 两客一危 does not grade a general-cargo carrier with Henan records; it grades a road-passenger carrier (issue 16, seed 002 案例1)', async () => {
    const freight = makeUscc('410102');
    const coach = makeUscc('410102');
    await enterpriseChanged(enterprise(freight, ['general-cargo']));
    await enterpriseChanged(enterprise(coach, ['road-passenger']));
    const freightPenalty = record({ kind: 'org', id: freight, name: '某货运有限公司' });
    const coachPenalty = record({ kind: 'org', id: coach, name: '某客运有限公司' });
    await created(freightPenalty);
    await created(coachPenalty);
    await eventually(() => recordStored(freightPenalty.recordId), Boolean);
    // 1000 − 30 for one general administrative penalty (the scheme's `penalty` rule) → green (≥ 900).
    expect(await eventually(() => standing(HENAN, coach), Boolean)).toEqual({ grade: 'green', score: 970 });
    await eventually(() => recordStored(coachPenalty.recordId), Boolean);
    expect(await standing(HENAN, freight)).toBeUndefined();

    // Visible, not silent: the evaluation says why the scheme does not grade the freight carrier.
    const answer = await query.execute(henanReader, { subjectId: freight, asOf: '' });
    expect(answer.evaluations.map((e) => e.schemeId)).not.toContain(HENAN);
    expect(answer.notApplicable).toEqual([
      expect.objectContaining({
        schemeId: HENAN,
        reason: 'SECTOR_OUTSIDE',
        sectors: ['road-passenger', 'hazardous-goods'],
        message: expect.stringContaining('不适用'),
      }),
    ]);
    const graded = await query.execute(henanReader, { subjectId: coach, asOf: '' });
    expect(graded.evaluations.find((e) => e.schemeId === HENAN)).toMatchObject({ grade: 'green', score: 970 });
    expect(graded.notApplicable).toEqual([]);
  });

  it('a carrier not (yet) in the registry is not graded ("sector unknown"); its registration grades it, attributed to the registry event', async () => {
    const carrier = makeUscc('410102');
    const penalty = record({ kind: 'org', id: carrier, name: '某危货运输有限公司' }, { severity: 'severe' });
    await created(penalty);
    await eventually(() => recordStored(penalty.recordId), Boolean);
    expect(await standing(HENAN, carrier)).toBeUndefined();
    const unknown = await query.execute(henanReader, { subjectId: carrier, asOf: '' });
    expect(unknown.notApplicable).toEqual([expect.objectContaining({ schemeId: HENAN, reason: 'SECTOR_UNKNOWN' })]);

    const eventId = await enterpriseChanged(enterprise(carrier, ['hazardous-goods']));
    // 1000 − 50 for a severe penalty → green.
    expect(await eventually(() => standing(HENAN, carrier), Boolean)).toEqual({ grade: 'green', score: 950 });
    const [change] = await db.query<{ cause_event_id: string; previous_grade: string | null }>(
      `SELECT cause_event_id, previous_grade FROM evaluation.standing_changes WHERE scheme_id = $1 AND subject_id = $2`,
      [HENAN, carrier],
    );
    expect(change).toEqual({ cause_event_id: eventId, previous_grade: null });
  });

  const withdrawals = (subjectId: string) =>
    db.query<{ envelope: EventEnvelope<EvaluationGradeWithdrawnV1> }>(
      `SELECT envelope FROM evaluation.outbox WHERE subject = $1 AND envelope->>'subjectId' = $2 ORDER BY seq`,
      [Events.EvaluationGradeWithdrawn.subject, subjectId],
    );

  it('a registration that leaves the scheme’s sectors withdraws the standing and announces it once (ADR 0046); an older revision arriving late changes nothing', async () => {
    const carrier = makeUscc('410102');
    await enterpriseChanged(enterprise(carrier, ['road-passenger'], 1));
    await created(record({ kind: 'org', id: carrier, name: '某客运有限公司' }));
    // seed 002 案例1: 两客一危 grades road-passenger carriers; 1000 − 30 for one general penalty → green.
    expect(await eventually(() => standing(HENAN, carrier), Boolean)).toEqual({ grade: 'green', score: 970 });
    expect(await withdrawals(carrier)).toEqual([]);

    // Revision 3: the passenger licence is gone, only general cargo remains.
    const cause = await enterpriseChanged(enterprise(carrier, ['general-cargo'], 3));
    expect(
      await eventually(
        () => standing(HENAN, carrier),
        (s) => s === undefined,
      ),
    ).toBeUndefined();
    // Announced in the transaction that removed the standing: one withdrawal, with the grade withdrawn and why.
    const [withdrawn, ...more] = await withdrawals(carrier);
    expect(more).toEqual([]);
    expect(withdrawn!.envelope).toMatchObject({ type: 'evaluation.grade.withdrawn', version: 1, subjectId: carrier, region: '410102' });
    expect(withdrawn!.envelope.data).toEqual({
      schemeId: HENAN,
      schemeVersion: expect.any(Number),
      subject: { kind: 'org', id: carrier },
      region: '410102',
      previous: { grade: 'green', score: 970, cycleLabel: expect.stringMatching(/^\d{4}-Q[1-4]$/), schemeVersion: expect.any(Number) },
      reason: 'SECTOR_OUTSIDE',
      withdrawnAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      causeEventId: cause,
    });
    // Kept in the standing's history too.
    const history = await db.query<{ previous_grade: string | null; grade: string | null; score: number | null; withdrawal_reason: string | null }>(
      `SELECT previous_grade, grade, score, withdrawal_reason FROM evaluation.standing_changes WHERE scheme_id = $1 AND subject_id = $2 ORDER BY id`,
      [HENAN, carrier],
    );
    expect(history).toEqual([
      { previous_grade: null, grade: 'green', score: 970, withdrawal_reason: null },
      { previous_grade: 'green', grade: null, score: null, withdrawal_reason: 'SECTOR_OUTSIDE' },
    ]);
    // Revision 2 (older) arrives after 3: ignored, so the carrier stays outside the scheme.
    await enterpriseChanged(enterprise(carrier, ['road-passenger'], 2));
    const marker = makeUscc('410102');
    await enterpriseChanged(enterprise(marker, ['taxi'], 1));
    await eventually(() => registered(marker, 1), Boolean);
    expect(await registered(carrier, 3)).toBe(true);
    expect(await standing(HENAN, carrier)).toBeUndefined();
    // Nothing more to withdraw: still the one event.
    expect(await withdrawals(carrier)).toHaveLength(1);
  });

  it('a batch of registrations (ADR 0033) stores what one by one would: the highest revision of each subject', async () => {
    const handler = new ApplyRegistryEventHandler(calculator);
    const carrier = makeUscc('410102');
    const envelope = (data: RegistryEnterpriseChangedV1): EventEnvelope<RegistryEnterpriseChangedV1> => ({
      id: randomUUID(),
      type: Events.RegistryEnterpriseChanged.subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      subjectId: data.uscc,
      region: '410102',
      data,
    });
    const batch = [
      envelope(enterprise(carrier, ['taxi'], 5)),
      envelope(enterprise(carrier, ['general-cargo'], 4)),
      envelope(enterprise(makeUscc(), ['bus'], 1)),
    ];
    await dataSource.transaction((m) => handler.enterprisesChanged(batch, m));
    const rows = await db.query<{ sectors: string[]; revision: string }>(
      `SELECT sectors, revision::text FROM evaluation.registry_subjects WHERE subject_id = $1`,
      [carrier],
    );
    expect(rows).toEqual([{ sectors: ['taxi'], revision: '5' }]);
    await expect(dataSource.transaction((m) => handler.enterprisesChanged([{ ...batch[0]!, version: 2 }], m))).rejects.toThrow('unsupported version 2');
  });

  it('a Zhengzhou taxi driver registered 3 months ago with 25 points gets at most 3 stars; tenure counts from the registry (seed 002 案例9 郑州)', async () => {
    const today = chinaToday();
    const driver = (n: number) => `4101021990010${String(n).padStart(4, '0')}${Math.floor(Math.random() * 10)}`;
    const driverChanged = (citizenId: string, qualifiedOn: string, revision = 1) =>
      publish<RegistryDriverChangedV1>(Events.RegistryDriverChanged.subject, citizenId, {
        citizenId,
        name: '张某',
        qualificationCertificate: '410100000001',
        qualificationSectors: ['taxi'],
        employerUscc: null,
        previousEmployerUscc: null,
        region: '410102',
        qualifiedOn,
        active: true,
        revision,
        source: 'api',
        changedAt: new Date().toISOString(),
      });
    // 20 base + 5 for a provincial commendation = 25 → 5★ by score (≥ 25); 注册在岗时间少于6个月 → at most 3★.
    const commendation = (id: string) =>
      record({ kind: 'person', id, name: '张某' }, { recordType: 'commendation', severity: 'minor', summary: '省级表彰', payload: { level: 'provincial' } });
    // A 2020 licence on file: without the registry it would date tenure; the registry's qualifiedOn wins.
    const oldLicence = (id: string) =>
      record(
        { kind: 'person', id, name: '张某' },
        { recordType: 'administrative-licence', severity: 'minor', decisionDate: '2020-01-01', summary: '从业资格', payload: { validFrom: '2020-01-01' } },
      );

    const recent = driver(Math.floor(Math.random() * 9999));
    await driverChanged(recent, addMonths(today, -3));
    await created(oldLicence(recent));
    await created(commendation(recent));
    const capped = await eventually(
      () => standing(ZHENGZHOU, recent),
      (s) => s?.score === 25,
    );
    expect(capped).toEqual({ grade: '3', score: 25 });

    const veteran = driver(Math.floor(Math.random() * 9999));
    await driverChanged(veteran, addMonths(today, -24));
    await created(commendation(veteran));
    expect(
      await eventually(
        () => standing(ZHENGZHOU, veteran),
        (s) => s?.score === 25,
      ),
    ).toEqual({ grade: '5', score: 25 });

    // The registry corrects the recent driver's date to 2 years ago: recomputed at once, 5★.
    await driverChanged(recent, addMonths(today, -24), 2);
    expect(
      await eventually(
        () => standing(ZHENGZHOU, recent),
        (s) => s?.grade === '5',
      ),
    ).toEqual({ grade: '5', score: 25 });
  });

  describe('grading subjects with no records (ADR 0051; seed 004 案例8 山东)', () => {
    const SHANDONG = 'shandong-road-transport';
    const shandongReader: Principal = { clientId: 'sd', kind: 'integrator', scopes: ['evaluations:read'], region: '370000' };
    const inShandong = (uscc: string, credit: RegistryEnterpriseChangedV1['credit'], revision = 1) =>
      enterprise(uscc, ['general-cargo'], revision, { region: '370102', credit });
    const envelope = (data: RegistryEnterpriseChangedV1): EventEnvelope<RegistryEnterpriseChangedV1> => ({
      id: randomUUID(),
      type: Events.RegistryEnterpriseChanged.subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      subjectId: data.uscc,
      region: data.region,
      data,
    });

    it('a registration alone grades an operator under Shandong: never committed nor self-assessed → C; committing later lifts it to A', async () => {
      const operator = makeUscc('370102');
      await enterpriseChanged(inShandong(operator, { registered: true, committed: false, selfAssessed: false }));
      // No record: base 85 (A, placeholder) capped at C by "未按要求开展信用注册、承诺、自评的，一律按照 C 级管理".
      expect(await eventually(() => standing(SHANDONG, operator), Boolean)).toEqual({ grade: 'C', score: 85 });
      const answer = await query.execute(shandongReader, { subjectId: operator, asOf: '' });
      expect(answer.evaluations.find((e) => e.schemeId === SHANDONG)).toMatchObject({ grade: 'C', region: '370102' });

      await enterpriseChanged(inShandong(operator, { registered: true, committed: true, selfAssessed: true }, 2));
      expect(
        await eventually(
          () => standing(SHANDONG, operator),
          (s) => s?.grade === 'A',
        ),
      ).toEqual({ grade: 'A', score: 85 });
    });

    it('a scheme that does not grade registered subjects leaves a record-less registration ungraded (Henan 两客一危)', async () => {
      const coach = makeUscc('410102');
      await enterpriseChanged(enterprise(coach, ['road-passenger']));
      await eventually(() => registered(coach, 1), Boolean);
      expect(await db.query(`SELECT scheme_id FROM evaluation.subject_standings WHERE subject_id = $1`, [coach])).toEqual([]);
    });

    it('a registry import of 1,000 operators grades them all in a fixed number of statements, not one per subject or scheme (ADR 0033)', async () => {
      const handler = new ApplyRegistryEventHandler(calculator);
      const batch = Array.from({ length: 1000 }, (_, i) =>
        envelope(
          inShandong(
            makeUscc('370102'),
            i % 2 === 0 ? { registered: true, committed: true, selfAssessed: true } : { registered: true, committed: false, selfAssessed: false },
          ),
        ),
      );
      let statements = 0;
      await dataSource.transaction((m) => {
        const query = m.query.bind(m);
        m.query = ((sql: string, params?: unknown[]) => {
          statements += 1;
          return query(sql, params);
        }) as typeof m.query;
        return handler.enterprisesChanged(batch, m);
      });
      const grades = await db.query<{ grade: string; n: number }>(
        `SELECT grade, count(*)::int AS n FROM evaluation.subject_standings WHERE scheme_id = $1 AND subject_id = ANY($2) GROUP BY grade ORDER BY grade`,
        [SHANDONG, batch.map((e) => e.data.uscc)],
      );
      expect(grades).toEqual([
        { grade: 'A', n: 500 },
        { grade: 'C', n: 500 },
      ]);
      // upsert, locks, records, registrations, stored grades, lists, standings, changes, outbox: about a dozen, whatever the batch size.
      expect(statements).toBeLessThanOrEqual(15);
    });
  });
});
