import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EvaluationGradeChangedV1, EventEnvelope, Events } from '@contracts';
import { Principal } from '@platform/auth';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, TestDatabase } from '@platform/testing';
import { evaluationDefinition } from '../evaluation.definition';
import { SchemeRegistry } from '../schemes/application/scheme-registry';
import { GetSubjectEvaluationsHandler } from '../standing/application/get-subject-evaluations.handler';
import { RefreshStandingsJob } from '../standing/application/refresh-standings.job';
import { StandingCalculator } from '../standing/application/standing-calculator';
import { registerInEverySector } from '../standing/registrations.fixture';
import { CloseCycleHandler } from './application/close-cycle.handler';
import { ProcessCyclesJob } from './application/process-cycles.job';

/**
 * Closing the cycle before the current one regrades the live standings of the subjects it graded
 * (docs/evaluation.md "Carry-over"), against a real PostgreSQL: seed 002 郑州 "在上一个服务质量信誉考核周期内
 * 评定星级为5颗星的驾驶员，本周期星级评定为5颗星（在本周期内如遇服务质量问题可降级）". Last year's records arrive
 * now (after last year ended), so before the close the live standing has no previous grade; the close gives
 * it, and the live standing follows without any new record — announced once, resumable after a crash.
 */
describe('a close refreshes the carry-over of live standings (PostgreSQL)', () => {
  const SCHEME = 'zhengzhou-taxi-driver-stars';
  let db: TestDatabase;
  let dataSource: DataSource;
  let registry: SchemeRegistry;
  let calculator: StandingCalculator;
  let close: CloseCycleHandler;
  let standings: GetSubjectEvaluationsHandler;
  const outbox = () => new OutboxPublisher(evaluationDefinition as ServiceDefinition);
  const config = { CYCLE_CHUNK_SIZE: 2, CYCLE_LEASE_SECONDS: 1, CYCLE_POLL_MS: 100 };
  const regulator: Principal = { clientId: 'henan-regulator', kind: 'admin', scopes: ['admin'], region: '410000' };
  const zhengzhouReader: Principal = { clientId: 'zz', kind: 'integrator', scopes: ['evaluations:read'], region: '410100' };
  const closer = () => new ProcessCyclesJob(dataSource, registry, outbox(), config);
  const refresher = () => new RefreshStandingsJob(dataSource, registry, calculator, config);

  const year = Number(chinaToday().slice(0, 4));
  const [earlier, lastYear, thisYear] = [String(year - 2), String(year - 1), String(year)];
  const drivers = {
    // Last year: 20 + 5 (provincial) + 2 (city) = 27 → 5★ (综合得分为25分及以上的，评定星级等级为5颗星).
    // This year nothing: 20 → 4★ by score; 5★ carried over once the close gives last year's grade.
    carried: '410102199001011001',
    // Last year: 20 + 2 = 22 → 4★: only 5★ carries over, this year stays 20 → 4★.
    fourStars: '410102199001011002',
    // Last year 27 → 5★; this year a minor complaint (−1): 19 → 3★, and a deduction ends the carry-over (可降级).
    deducted: '410102199001011003',
  };
  const commendation = (subjectId: string, level: string, decisionDate: string) => ({
    subjectId,
    type: 'commendation',
    severity: 'minor',
    level,
    decisionDate,
  });
  const complaint = (subjectId: string, decisionDate: string) => ({ subjectId, type: 'confirmed-complaint', severity: 'minor', level: '', decisionDate });

  beforeAll(async () => {
    db = await cloneTestDatabase('carry_over_refresh');
    dataSource = await db.dataSource(evaluationDefinition);
    registry = new SchemeRegistry(dataSource);
    await registry.onModuleInit();
    calculator = new StandingCalculator(registry, outbox());
    close = new CloseCycleHandler(dataSource, registry, { nudge: () => undefined } as unknown as ProcessCyclesJob);
    standings = new GetSubjectEvaluationsHandler(dataSource, calculator);
    const all = Object.values(drivers);
    await registerInEverySector(
      dataSource,
      all.map((id) => ({ id, kind: 'person' })),
    );
    // Every record arrives now: last year's ones after last year ended (seed 002 案例9: late records count through the close).
    for (const r of [
      commendation(drivers.carried, 'provincial', `${lastYear}-06-15`),
      commendation(drivers.carried, 'city', `${lastYear}-06-15`),
      commendation(drivers.fourStars, 'city', `${lastYear}-06-15`),
      commendation(drivers.deducted, 'provincial', `${lastYear}-06-15`),
      commendation(drivers.deducted, 'city', `${lastYear}-06-15`),
      complaint(drivers.deducted, chinaToday()),
    ]) {
      await db.query(
        `INSERT INTO evaluation.subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
         VALUES ($1, $2, 'person', '410105', $3, $4, $5, $6, now())`,
        [uuidv7(), r.subjectId, r.type, r.severity, r.decisionDate, JSON.stringify(r.level ? { level: r.level } : {})],
      );
    }
    await dataSource.transaction((m) => calculator.recomputeMany(m, new Map(all.map((id) => [id, uuidv7()]))));
  });

  afterAll(async () => {
    await db?.drop();
  });

  const live = async (subjectId: string) => {
    const { evaluations } = await standings.execute(zhengzhouReader, { subjectId, asOf: '' });
    return evaluations.find((e) => e.schemeId === SCHEME);
  };
  const gradeChanges = (subjectId: string) =>
    db.query<{ envelope: EventEnvelope<EvaluationGradeChangedV1> }>(
      `SELECT envelope FROM evaluation.outbox WHERE subject = $1 AND envelope->>'subjectId' = $2 AND envelope->'data'->>'schemeId' = $3 ORDER BY id`,
      [Events.EvaluationGradeChanged.subject, subjectId, SCHEME],
    );
  const closeRefreshes = () =>
    db.query<{ id: string; cycle_id: string; status: string; processed: number }>(
      `SELECT id, cycle_id, status, processed FROM evaluation.standing_refreshes WHERE cycle_id IS NOT NULL ORDER BY requested_at`,
    );

  it('before the close: last year is not closed and its records arrived after it ended, so no carry-over yet', async () => {
    // 20 with nothing this year → 4★ (综合得分为20~24分的，星级等级为4颗星).
    expect(await live(drivers.carried)).toMatchObject({ grade: '4', score: 20, cycleLabel: thisYear });
    expect(await live(drivers.fourStars)).toMatchObject({ grade: '4', score: 20 });
    // 20 − 1 = 19 → 3★ (综合得分为11~19分的，星级等级为3颗星).
    expect(await live(drivers.deducted)).toMatchObject({ grade: '3', score: 19 });
  });

  it('a close of an older cycle changes no live standing and requests no refresh', async () => {
    await close.execute(regulator, { schemeId: SCHEME, period: earlier });
    await closer().work();
    expect(await closeRefreshes()).toEqual([]);
  });

  it('closing last year regrades the carried driver to 5★ with no new record, announced once, resumed after a crash', async () => {
    const before = await gradeChanges(drivers.carried);
    const { id: cycleId } = await close.execute(regulator, { schemeId: SCHEME, period: lastYear });
    await closer().work();
    const [refresh] = await closeRefreshes();
    expect(refresh).toMatchObject({ cycle_id: cycleId, status: 'running', processed: 0 });

    // One chunk of 2 subjects, then the refresher "crashes" (its lease runs out); another resumes after the cursor.
    await refresher().work(1);
    expect((await closeRefreshes())[0]).toMatchObject({ status: 'running', processed: 2 });
    await new Promise((r) => setTimeout(r, 1100));
    await refresher().work();
    expect((await closeRefreshes())[0]).toMatchObject({ status: 'completed', processed: 3 });

    // 5★ last year and nothing deducted this year → at least 5★, score still 20.
    expect(await live(drivers.carried)).toMatchObject({ grade: '5', score: 20, cycleLabel: thisYear });
    const after = (await gradeChanges(drivers.carried)).slice(before.length).map((r) => r.envelope.data);
    expect(after.map((e) => [e.previousGrade, e.grade, e.score, e.causeEventId])).toEqual([['4', '5', 20, refresh!.id]]);
    // 4★ last year carries nothing; a deduction this year ends the 5★ floor: unchanged, not announced.
    expect(await live(drivers.fourStars)).toMatchObject({ grade: '4', score: 20 });
    expect(await live(drivers.deducted)).toMatchObject({ grade: '3', score: 19 });
    expect((await gradeChanges(drivers.fourStars)).map((r) => r.envelope.data.grade)).toEqual(['4']);
    expect((await gradeChanges(drivers.deducted)).map((r) => r.envelope.data.grade)).toEqual(['3']);
  });

  it('closing last year again returns the same close: no second refresh, nothing announced twice', async () => {
    const announced = (await gradeChanges(drivers.carried)).length;
    await close.execute(regulator, { schemeId: SCHEME, period: lastYear });
    await closer().work();
    await refresher().work();
    expect(await closeRefreshes()).toHaveLength(1);
    expect(await gradeChanges(drivers.carried)).toHaveLength(announced);
  });
});
