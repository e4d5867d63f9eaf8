import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CreditRecordCreatedV1, EvaluationCycleGradeRecordedV1, EventEnvelope, Events } from '@contracts';
import { Principal } from '@platform/auth';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { cycleOfPeriod } from '../engine/domain/cycle';
import { standingAt } from '../engine/domain/standing';
import { evaluationDefinition } from '../evaluation.definition';
import { SchemeRegistry } from '../schemes/application/scheme-registry';
import { ApplyRecordEventHandler } from '../standing/application/apply-record-event.handler';
import { StandingCalculator } from '../standing/application/standing-calculator';
import { CloseCycleHandler } from './application/close-cycle.handler';
import { GetCycleRankingsHandler } from './application/get-cycle-rankings.handler';
import { GetCycleHandler } from './application/get-cycle.handler';
import { GetPeriodRankingsHandler } from './application/get-period-rankings.handler';
import { ProcessCyclesJob } from './application/process-cycles.job';
import { registerInEverySector } from '../standing/registrations.fixture';
import { RegistrationRow, SubjectRegistrationsRepository } from '../standing/infrastructure/subject-registrations.repository';

/**
 * Cycle close against a real PostgreSQL: every subject in scope graded for a past period, in
 * chunks; a close interrupted after one chunk is resumed by another processor and gives the same
 * results as grading each subject directly, announcing each subject's result once; records
 * received after the cutoff change nothing. Period rankings (week, month, quarter, year of a
 * yearly scheme) grade each subject as it stood at the end of the period.
 */
describe('cycle close (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let registry: SchemeRegistry;
  let close: CloseCycleHandler;
  let get: GetCycleHandler;
  const config = { CYCLE_CHUNK_SIZE: 3, CYCLE_LEASE_SECONDS: 1, CYCLE_POLL_MS: 100 };
  const regulator: Principal = { clientId: 'henan-regulator', kind: 'admin', scopes: ['admin'], region: '410000' };
  const processor = () => new ProcessCyclesJob(dataSource, registry, new OutboxPublisher(evaluationDefinition as ServiceDefinition), config);
  const cycleGrades = (cycleId: string) =>
    db.query<{ envelope: EventEnvelope<EvaluationCycleGradeRecordedV1> }>(
      `SELECT envelope FROM evaluation.outbox WHERE subject = $1 AND envelope->'data'->>'cycleId' = $2 ORDER BY id`,
      [Events.EvaluationCycleGradeRecorded.subject, cycleId],
    );

  beforeAll(async () => {
    db = await cloneTestDatabase('cycles');
    dataSource = await db.dataSource(evaluationDefinition);
    registry = new SchemeRegistry(dataSource);
    await registry.onModuleInit();
    close = new CloseCycleHandler(dataSource, registry, { nudge: () => undefined } as unknown as ProcessCyclesJob);
    get = new GetCycleHandler(dataSource, registry);
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** Eight Zhengzhou drivers in 2025 with 0..7 general complaints (−3 each): scores 20, 17, 14, … */
  async function seedDrivers(): Promise<string[]> {
    const drivers = Array.from({ length: 8 }, (_, i) => `4101021985010${String(i).padStart(4, '0')}X`);
    // Registered taxi drivers (the scheme is bound to the taxi sector, ADR 0044).
    await registerInEverySector(
      dataSource,
      // 410102198501010000X: the driver the reproducibility test below adds a record for.
      [...drivers, '410302198501019999', '410102198501010000X'].map((id) => ({ id, kind: 'person' })),
    );
    for (const [i, driver] of drivers.entries()) {
      for (let n = 0; n <= i; n += 1) {
        const severity = n === 0 ? 'minor' : 'general';
        await db.query(
          `INSERT INTO evaluation.subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
           VALUES ($1, $2, 'person', '410105', $3, $4, '2025-06-01', '{}', '2025-06-02T10:00:00+08:00')`,
          [uuidv7(), driver, n === 0 ? 'commendation' : 'confirmed-complaint', severity],
        );
      }
    }
    // A Luoyang driver: outside the Zhengzhou scheme's scope.
    await db.query(
      `INSERT INTO evaluation.subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
       VALUES ($1, '410302198501019999', 'person', '410302', 'confirmed-complaint', 'general', '2025-06-01', '{}', '2025-06-02T10:00:00+08:00')`,
      [uuidv7()],
    );
    return drivers;
  }

  it('refuses a period that does not fit the scheme or has not ended', async () => {
    await expect(close.execute(regulator, { schemeId: 'zhengzhou-taxi-driver-stars', period: '2025-Q4' })).rejects.toMatchObject({
      code: 'CYCLE.INVALID_PERIOD',
    });
    await expect(
      close.execute(regulator, { schemeId: 'zhengzhou-taxi-driver-stars', period: '2026' }, new Date('2026-12-31T12:00:00+08:00')),
    ).rejects.toMatchObject({ code: 'CYCLE.PERIOD_NOT_ENDED' });
    await expect(close.execute({ ...regulator, region: '420000' }, { schemeId: 'zhengzhou-taxi-driver-stars', period: '2025' })).rejects.toMatchObject({
      code: 'SCHEME.REGION_FORBIDDEN',
    });
  });

  it('grades every subject in scope, survives a crash mid-way, and matches grading each subject directly', async () => {
    const drivers = await seedDrivers();
    const { id, created } = await close.execute(regulator, { schemeId: 'zhengzhou-taxi-driver-stars', period: '2025' }, new Date('2026-01-10T09:00:00+08:00'));
    expect(created).toBe(true);
    expect(await get.execute(regulator, { id })).toMatchObject({ status: 'running', total: 8, processed: 0, start: '2025-01-01', end: '2025-12-31' });

    // The first processor handles one chunk of 3 subjects, then "crashes" (its lease runs out).
    await processor().work(1);
    expect(await get.execute(regulator, { id })).toMatchObject({ status: 'running', processed: 3 });
    await new Promise((r) => setTimeout(r, 1100));
    await processor().work();

    const view = await get.execute(regulator, { id });
    // 20+2 → 4★; 20+2−3 = 19, 16, 13 → 3★; 10, 7, 4 → 2★; 1 → 1★ (seed 002 郑州 bands).
    expect(view).toMatchObject({ status: 'completed', total: 8, processed: 8, distribution: { '4': 1, '3': 3, '2': 3, '1': 1 } });
    // The same counts along the whole stars ladder (5★ … no star), the grades nobody got included; stars has no tiers.
    expect(view.ladder).toEqual(
      [
        ['5', 0],
        ['4', 1],
        ['3', 3],
        ['2', 3],
        ['1', 1],
        ['0', 0],
      ].map(([grade, count]) => ({ grade, tier: '', count })),
    );

    const stored = await db.query<{ subject_id: string; grade: string; score: number }>(
      `SELECT subject_id, grade, score FROM evaluation.cycle_results WHERE cycle_id = $1 ORDER BY subject_id`,
      [id],
    );
    expect(stored.map((r) => r.subject_id)).toEqual([...drivers].sort());
    const scheme = await registry.load(dataSource.manager, 'zhengzhou-taxi-driver-stars', 1);
    const window = cycleOfPeriod(scheme.document.cycle, '2025')!;
    for (const row of stored) {
      const records = await db.query<{ record_id: string; record_type: string; severity: string }>(
        `SELECT record_id, record_type, severity FROM evaluation.subject_records WHERE subject_id = $1`,
        [row.subject_id],
      );
      const direct = standingAt(
        scheme,
        { id: row.subject_id, kind: 'person', region: '410105', lists: [] },
        records.map((r) => ({
          id: r.record_id,
          type: r.record_type,
          severity: r.severity,
          decisionDate: '2025-06-01',
          payload: {},
          receivedAt: '2025-06-02T10:00:00+08:00',
        })),
        new Date('2026-01-10T09:00:00+08:00'),
        window,
      );
      expect({ subject: row.subject_id, grade: row.grade, score: row.score }).toEqual({ subject: row.subject_id, grade: direct.grade, score: direct.score });
    }

    // One evaluation.cycle-grades.recorded per subject despite the crash, committed with its result:
    // driver i has i general complaints (−3 each) decided in 2025.
    const events = (await cycleGrades(id)).map((r) => r.envelope);
    expect(events.map((e) => e.subjectId).sort()).toEqual([...drivers].sort());
    for (const [i, driver] of drivers.entries()) {
      const event = events.find((e) => e.subjectId === driver)!;
      const row = stored.find((r) => r.subject_id === driver)!;
      expect(event).toMatchObject({ type: 'evaluation.cycle-grades.recorded', version: 1, region: '410105' });
      expect(event.data).toMatchObject({
        cycleId: id,
        schemeId: 'zhengzhou-taxi-driver-stars',
        schemeVersion: 1,
        subject: { kind: 'person', id: driver },
        cycle: { label: '2025', start: '2025-01-01', end: '2025-12-31' },
        grade: row.grade,
        score: row.score,
        pointsDeducted: 3 * i,
      });
    }
  });

  it('ranks the closed cycle’s drivers by score, and counties by mean score, inside the caller’s region', async () => {
    const { id } = await close.execute(regulator, { schemeId: 'zhengzhou-taxi-driver-stars', period: '2025' });
    const rankings = new GetCycleRankingsHandler(dataSource);
    const top = await rankings.execute(regulator, { id, by: 'subject', limit: 3 });
    expect(top.subjects.map((s) => [s.rank, s.score, s.grade])).toEqual([
      [1, 22, '4'],
      [2, 19, '3'],
      [3, 16, '3'],
    ]);
    // 22, 19, 16, 13, 10, 7, 4, 1 → mean 11.5, all in Zhongyuan district (410105).
    expect((await rankings.execute(regulator, { id, by: 'county', limit: 0 })).regions).toEqual([
      { rank: 1, region: '410105', subjects: 8, meanScore: 11.5, distribution: { '1': 1, '2': 3, '3': 3, '4': 1 } },
    ]);
    const luoyang: Principal = { clientId: 'ly', kind: 'integrator', scopes: ['evaluations:read'], region: '410300' };
    expect((await rankings.execute(luoyang, { id, by: 'subject', limit: 10 })).subjects).toEqual([]);
    await expect(rankings.execute(regulator, { id, by: 'province', limit: 10 })).rejects.toMatchObject({ code: 'CYCLE.INVALID_RANKING' });
  });

  it('is reproducible: closing again returns the same close, unchanged by records received since', async () => {
    const first = await close.execute(regulator, { schemeId: 'zhengzhou-taxi-driver-stars', period: '2025' });
    expect(first.created).toBe(false);
    const before = await get.execute(regulator, { id: first.id });
    await db.query(
      `INSERT INTO evaluation.subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
       VALUES ($1, '410102198501010000X', 'person', '410105', 'administrative-penalty', 'severe', '2025-12-01', '{}', now())`,
      [uuidv7()],
    );
    await processor().work();
    expect(await get.execute(regulator, { id: first.id })).toEqual(before);
    expect(await cycleGrades(first.id)).toHaveLength(8);
  });

  describe('rankings per week, month, quarter and year of the yearly Zhengzhou scheme', () => {
    const zhengzhouReader: Principal = { clientId: 'zz', kind: 'integrator', scopes: ['evaluations:read'], region: '410100' };
    const NOW = new Date('2026-01-10T09:00:00+08:00');
    const rankings = () =>
      new GetPeriodRankingsHandler(dataSource, registry, { nudge: () => undefined } as unknown as ProcessCyclesJob, { RANKING_WAIT_MS: 0 });
    const ask = (periodKind: string, period: string, by = 'subject', limit = 0) =>
      rankings().execute(zhengzhouReader, { schemeId: 'zhengzhou-taxi-driver-stars', periodKind, period, by, limit }, NOW);
    /** The first request starts the grading and answers `running`; the processor completes it. */
    const ranked = async (periodKind: string, period: string, by = 'subject', limit = 0) => {
      const first = await ask(periodKind, period, by, limit);
      if (first.status === 'completed') return first;
      expect(first).toMatchObject({ status: 'running', subjects: [], regions: [] });
      await processor().work();
      return ask(periodKind, period, by, limit);
    };

    const recordEvents = () => new ApplyRecordEventHandler(new StandingCalculator(registry, new OutboxPublisher(evaluationDefinition as ServiceDefinition)));
    /** A Zhengzhou confirmed complaint about a driver, through the record consumer's handler (the real path). */
    const lateRecord = (subjectId: string, overrides: Partial<CreditRecordCreatedV1>): EventEnvelope<CreditRecordCreatedV1> => ({
      id: uuidv7(),
      type: Events.CreditRecordCreated.subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      subjectId,
      region: '410105',
      data: {
        recordId: uuidv7(),
        recordType: 'confirmed-complaint',
        subject: { kind: 'person', id: subjectId, name: '张某' },
        region: '410105',
        severity: 'general',
        decisionDate: '2025-06-03',
        documentNumber: `ZZ-${uuidv7()}`,
        isPublic: false,
        summary: '',
        sourceClientId: 'zhengzhou',
        receivedAt: new Date().toISOString(),
        payload: {},
        ...overrides,
      },
    });
    /** Registered as a taxi driver first (the scheme is bound to the taxi sector, ADR 0044), as the registry would have announced. */
    const deliver = (event: EventEnvelope<CreditRecordCreatedV1>) =>
      dataSource.transaction(async (m) => {
        await registerInEverySector(m, [{ id: event.subjectId, kind: 'person' }]);
        await recordEvents().created(event, m);
      });

    it('ranks subjects by their score at the end of each period, and counties by mean score', async () => {
      // Driver 0 (commendation only, 22) gets a severe complaint decided and received in August: 17.
      const driver0 = '41010219850100000X';
      await db.query(
        `INSERT INTO evaluation.subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
         VALUES ($1, $2, 'person', '410105', 'confirmed-complaint', 'severe', '2025-08-10', '{}', '2025-08-11T10:00:00+08:00')`,
        [uuidv7(), driver0],
      );
      // Week 22 (26 May – 1 June 2025): the records were decided on 1 June and received on 2 June. A
      // record counts in the period of its decision date (决定日期; issue 16), so all eight are ranked.
      const w22 = await ranked('week', '2025-W22', 'subject', 1);
      expect(w22).toMatchObject({ status: 'completed', total: 8, start: '2025-05-26', end: '2025-06-01' });
      expect(w22.subjects.map((s) => [s.subjectId, s.score])).toEqual([[driver0, 22]]);
      const week = await ranked('week', '2025-W23', 'subject', 3);
      expect(week).toMatchObject({
        status: 'completed',
        total: 8,
        processed: 8,
        periodKind: 'week',
        period: '2025-W23',
        asOf: '2025-06-08T15:59:59.999Z',
        schemeVersion: 1,
      });
      expect(week.subjects.map((s) => [s.rank, s.subjectId, s.score, s.grade])).toEqual([
        [1, driver0, 22, '4'],
        [2, '41010219850100001X', 19, '3'],
        [3, '41010219850100002X', 16, '3'],
      ]);
      expect((await ranked('month', '2025-07', 'subject', 1)).subjects.map((s) => [s.subjectId, s.score])).toEqual([[driver0, 22]]);
      // From August on the complaint counts: 17, behind the 19-point driver (ties share a rank).
      const august = await ranked('month', '2025-08', 'subject', 3);
      expect(august.subjects.map((s) => [s.rank, s.score])).toEqual([
        [1, 19],
        [2, 17],
        [3, 16],
      ]);
      expect((await ranked('quarter', '2025-Q3', 'subject', 3)).subjects.map((s) => s.score)).toEqual([19, 17, 16]);
      // 17, 19, 16, 13, 10, 7, 4, 1, and the driver of the close test above, whose severe penalty (−10: 10, 2★)
      // was decided on 1 December 2025 though received only now (it counts in 2025, issue 16) → 97 / 9 = 10.778.
      const counties = await ranked('year', '2025', 'county');
      expect(counties.regions).toEqual([{ rank: 1, region: '410105', subjects: 9, meanScore: 10.778, distribution: { '1': 1, '2': 4, '3': 4 } }]);
      expect((await ask('year', '2025', 'city')).regions).toEqual([expect.objectContaining({ region: '410100', subjects: 9, meanScore: 10.778 })]);
      // A ranking is kept: the same question gets the same grading while nothing about the period changes...
      expect(await ask('week', '2025-W23', 'subject', 3)).toEqual(week);
      // ...and a record received since for a day after the period changes nothing either.
      await deliver(lateRecord(driver0, { recordType: 'administrative-penalty', severity: 'severe', decisionDate: '2025-12-01' }));
      expect(await ask('week', '2025-W23', 'subject', 3)).toEqual(week);
      // No cycle-grade events for rankings.
      expect(await cycleGrades(week.id)).toEqual([]);
      expect(await get.execute(regulator, { id: week.id })).toMatchObject({ purpose: 'ranking', period: '2025-W23' });
    });

    it('issue 16: a record decided in Q1 and received in Q2 counts in Q1, also after Q1 was ranked', async () => {
      // DOMAIN.md §3 taxi drivers: base 20; the shipped Zhengzhou scheme adds 2 for a city commendation and
      // deducts 5 for a severe, 3 for a general confirmed complaint (11–19 → 3★, 20–24 → 4★).
      const driver = '410102199203030011';
      await deliver(
        lateRecord(driver, {
          recordType: 'commendation',
          severity: 'minor',
          decisionDate: '2025-02-10',
          receivedAt: '2025-02-11T10:00:00+08:00',
          payload: { level: 'city' },
        }),
      );
      // Decided in March (Q1), received in April (Q2), before Q1 is ranked.
      await deliver(lateRecord(driver, { severity: 'severe', decisionDate: '2025-03-20', receivedAt: '2025-04-15T10:00:00+08:00' }));
      const scoreIn = async (periodKind: string, period: string) =>
        (await ranked(periodKind, period, 'subject', 50)).subjects.find((s) => s.subjectId === driver);
      expect(await scoreIn('quarter', '2025-Q1')).toMatchObject({ score: 17, grade: '3' });
      // Another one for March arrives in May, after Q1's ranking was computed: Q1 is graded again.
      await deliver(lateRecord(driver, { severity: 'general', decisionDate: '2025-03-25', receivedAt: '2025-05-06T10:00:00+08:00' }));
      expect(await scoreIn('quarter', '2025-Q1')).toMatchObject({ score: 14, grade: '3' });
      expect(await scoreIn('month', '2025-03')).toMatchObject({ score: 14 });
      // February ended before either complaint was decided: the commendation alone.
      expect(await scoreIn('month', '2025-02')).toMatchObject({ score: 22, grade: '4' });
    });

    it('refuses an unknown period kind, a malformed or unended period and an unknown scheme, naming the field', async () => {
      await expect(ask('fortnight', '2025-W23')).rejects.toMatchObject({
        code: 'RANKING.INVALID_PERIOD_KIND',
        kind: 'validation',
        violations: [{ field: 'periodKind' }],
      });
      await expect(ask('week', '2025-W54')).rejects.toMatchObject({ code: 'RANKING.INVALID_PERIOD', violations: [{ field: 'period' }] });
      await expect(ask('month', '2025-Q3')).rejects.toMatchObject({ code: 'RANKING.INVALID_PERIOD', violations: [{ field: 'period' }] });
      await expect(ask('month', '2026-01')).rejects.toMatchObject({
        code: 'RANKING.PERIOD_NOT_ENDED',
        kind: 'precondition',
        violations: [{ field: 'period' }],
      });
      await expect(ask('year', '2025', 'province')).rejects.toMatchObject({ code: 'CYCLE.INVALID_RANKING', violations: [{ field: 'by' }] });
      await expect(
        rankings().execute(zhengzhouReader, { schemeId: 'no-such-scheme', periodKind: 'year', period: '2025', by: '', limit: 0 }, NOW),
      ).rejects.toMatchObject({ code: 'SCHEME.NOT_FOUND', kind: 'not-found' });
    });
  });

  describe('a scheme that grades registered subjects (ADR 0051; seed 004 案例8 山东)', () => {
    const shandongRegulator: Principal = { clientId: 'shandong-regulator', kind: 'admin', scopes: ['admin'], region: '370000' };
    const operator = (credit: RegistrationRow['credit'], active = true): RegistrationRow => ({
      subjectId: makeUscc('370102'),
      kind: 'org',
      region: '370102',
      sectors: ['general-cargo'],
      registeredOn: '2015-01-01',
      credit,
      active,
      revision: 1,
      changedAt: new Date().toISOString(),
    });

    it('closes with every active registered operator heard of by the cutoff, records or not; not those registered after it', async () => {
      const clean = operator({ registered: true, committed: true, selfAssessed: true });
      const uncommitted = operator({ registered: true, committed: false, selfAssessed: false });
      const deregistered = operator({ registered: true, committed: true, selfAssessed: true }, false);
      await SubjectRegistrationsRepository.upsertMany(dataSource.manager, [clean, uncommitted, deregistered]);
      const { id } = await close.execute(shandongRegulator, { schemeId: 'shandong-road-transport', period: '2025' }, new Date());
      expect(await get.execute(shandongRegulator, { id })).toMatchObject({ status: 'running', total: 2 });
      // Registered after the cutoff: not in this close, though the processor runs after it.
      const late = operator({ registered: true, committed: true, selfAssessed: true });
      await SubjectRegistrationsRepository.upsertMany(dataSource.manager, [late]);
      await processor().work();

      // No record: base 85 → A (placeholder); never committed nor self-assessed → at most C (seed 004 案例8).
      expect(await get.execute(shandongRegulator, { id })).toMatchObject({ status: 'completed', processed: 2, distribution: { A: 1, C: 1 } });
      const stored = await db.query<{ subject_id: string; grade: string; region: string }>(
        `SELECT subject_id, grade, region FROM evaluation.cycle_results WHERE cycle_id = $1 ORDER BY grade`,
        [id],
      );
      expect(stored).toEqual([
        { subject_id: clean.subjectId, grade: 'A', region: '370102' },
        { subject_id: uncommitted.subjectId, grade: 'C', region: '370102' },
      ]);
    });
  });
});
