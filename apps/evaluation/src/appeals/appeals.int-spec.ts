import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher, ServiceDefinition } from '@platform/service';
import { chinaToday, cloneTestDatabase, makeUscc, TestDatabase } from '@platform/testing';
import { CloseCycleHandler } from '../cycles/application/close-cycle.handler';
import { ClosedCycleResults } from '../cycles/application/closed-cycle-results';
import { ProcessCyclesJob } from '../cycles/application/process-cycles.job';
import { cycleContaining, previousCycle } from '../engine/domain/cycle';
import { evaluationDefinition } from '../evaluation.definition';
import { SchemeRegistry } from '../schemes/application/scheme-registry';
import { GetSubjectEvaluationsHandler } from '../standing/application/get-subject-evaluations.handler';
import { StandingCalculator } from '../standing/application/standing-calculator';
import { SubjectRecordsRepository } from '../standing/infrastructure/subject-records.repository';
import { SubjectRegistrationsRepository } from '../standing/infrastructure/subject-registrations.repository';
import { DecideAppealHandler } from './application/decide-appeal.handler';
import { GetAppealHandler } from './application/get-appeal.handler';
import { OpenAppealHandler } from './application/open-appeal.handler';

/*
 * Grade appeals against real PostgreSQL (ADR 0054). Seed 004 苏州: 对发生有责亡人事故的，直接定为 D 级;
 * 道路运输企业对评价结果有异议的，可提出申诉，属地交通运输行业管理部门负责对申诉情况及时调查核实.
 * Grades follow suzhou-road-transport-safety (placeholder numbers, shipped-schemes.ts): five equal
 * indicators on 100; one responsible accident halves 安全管理 (20 → 10): 90, vetoed to D when fatal;
 * a clean quarter is 100 → A.
 */
describe('evaluation: grade appeals opened by the subject’s region, decided by the scheme’s owner (PostgreSQL)', () => {
  const SUZHOU = 'suzhou-road-transport-safety';
  let db: TestDatabase;
  let dataSource: DataSource;
  let open: OpenAppealHandler;
  let decide: DecideAppealHandler;
  let get: GetAppealHandler;
  let evaluations: GetSubjectEvaluationsHandler;
  let calculator: StandingCalculator;
  let closedCycles: ClosedCycleResults;
  let processor: ProcessCyclesJob;
  let close: CloseCycleHandler;
  const suzhou: Principal = { clientId: 'suzhou', kind: 'integrator', scopes: ['records:write', 'evaluations:read'], region: '320500' };
  const wuxi: Principal = { clientId: 'wuxi', kind: 'integrator', scopes: ['records:write', 'evaluations:read'], region: '320200' };
  const suzhouRegulator: Principal = { clientId: 'suzhou-regulator', kind: 'admin', scopes: ['admin'], region: '320500' };
  const henanRegulator: Principal = { clientId: 'regulator', kind: 'admin', scopes: ['admin'], region: '410000' };

  beforeAll(async () => {
    db = await cloneTestDatabase('eval-appeals');
    dataSource = await db.dataSource(evaluationDefinition);
    const registry = new SchemeRegistry(dataSource);
    await registry.onModuleInit();
    const outbox = new OutboxPublisher(evaluationDefinition as ServiceDefinition);
    calculator = new StandingCalculator(registry, outbox);
    closedCycles = new ClosedCycleResults(registry, outbox);
    open = new OpenAppealHandler(dataSource, outbox, { APPEAL_DECISION_DAYS: 15 }, closedCycles);
    decide = new DecideAppealHandler(dataSource, outbox, calculator, closedCycles);
    processor = new ProcessCyclesJob(dataSource, registry, outbox, { CYCLE_CHUNK_SIZE: 100, CYCLE_LEASE_SECONDS: 1, CYCLE_POLL_MS: 100 });
    close = new CloseCycleHandler(dataSource, registry, { nudge: () => undefined } as unknown as ProcessCyclesJob);
    get = new GetAppealHandler(dataSource);
    evaluations = new GetSubjectEvaluationsHandler(dataSource, calculator);
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** A general-cargo carrier of Suzhou (registry), with one accident this quarter, graded. */
  async function carrierWithAccident(deaths: number, decisionDate = chinaToday()): Promise<{ id: string; accident: string }> {
    const id = makeUscc('320500');
    const accident = randomUUID();
    await dataSource.transaction(async (manager) => {
      await SubjectRegistrationsRepository.upsertMany(manager, [
        {
          subjectId: id,
          kind: 'org',
          region: '320505',
          sectors: ['general-cargo'],
          registeredOn: '2020-01-01',
          credit: { registered: true, committed: true, selfAssessed: false },
          active: true,
          revision: 1,
          changedAt: '2020-01-01T00:00:00Z',
        },
      ]);
      await SubjectRecordsRepository.insert(manager, {
        recordId: accident,
        subjectId: id,
        subjectKind: 'org',
        region: '320505',
        recordType: 'accident',
        severity: 'severe',
        decisionDate,
        payload: { deaths, responsibility: 'main', injuries: 0 },
        receivedAt: new Date().toISOString(),
      });
      await calculator.recompute(manager, id, randomUUID());
    });
    return { id, accident };
  }

  const standing = (subjectId: string) =>
    db.query<{ grade: string; score: number }>(`SELECT grade, score FROM evaluation.subject_standings WHERE scheme_id = $1 AND subject_id = $2`, [
      SUZHOU,
      subjectId,
    ]);
  const events = (subject: string, appealId: string) =>
    db.query<{ envelope: { data: Record<string, unknown> } }>(
      `SELECT envelope FROM evaluation.outbox WHERE subject = $1 AND envelope->'data'->>'appealId' = $2 ORDER BY id`,
      [subject, appealId],
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: DomainError) => ({ code: error.code, kind: error.kind, fields: error.violations.map((v) => v.field) }),
    );
  const openAppeal = (principal: Principal, command: Parameters<OpenAppealHandler['execute']>[1]) => open.execute(principal, command).then((r) => r.appeal);
  const decideAppeal = (principal: Principal, command: Parameters<DecideAppealHandler['execute']>[1]) =>
    decide.execute(principal, command).then((r) => r.appeal);
  const appealsOf = (subjectId: string) => db.query(`SELECT id FROM evaluation.grade_appeals WHERE subject_id = $1`, [subjectId]);

  it('a responsible fatal accident grades D; the carrier appeals through Suzhou; the grade is marked under appeal', async () => {
    const carrier = await carrierWithAccident(1);
    expect(await standing(carrier.id)).toEqual([{ grade: 'D', score: 90 }]);

    const appeal = await openAppeal(suzhou, {
      subjectId: carrier.id,
      schemeId: SUZHOU,
      reason: '该事故经交警部门复核认定我司无责任',
      evidence: ['苏公交复字〔2026〕第1号'],
      period: '',
    });
    expect(appeal).toMatchObject({
      status: 'open',
      grade: 'D',
      score: 90,
      region: '320505',
      openedBy: 'suzhou',
      evidence: ['苏公交复字〔2026〕第1号'],
      cycleId: '',
    });
    expect(new Date(appeal.decisionDueBy).getTime() - new Date(appeal.openedAt).getTime()).toBe(15 * 24 * 3600 * 1000);
    expect((await events('evaluation.grade.appealed', appeal.id)).map((e) => e.envelope.data)).toEqual([
      expect.objectContaining({ appealId: appeal.id, schemeId: SUZHOU, grade: 'D', score: 90, subject: { kind: 'org', id: carrier.id } }),
    ]);
    const view = await evaluations.execute(suzhou, { subjectId: carrier.id, asOf: '' });
    expect(view.evaluations.find((e) => e.schemeId === SUZHOU)).toMatchObject({ grade: 'D', appeal: { id: appeal.id, status: 'open' } });

    // One open appeal per subject, scheme and cycle.
    expect(await refusal(open.execute(suzhou, { subjectId: carrier.id, schemeId: SUZHOU, reason: '再次申诉', evidence: [], period: '' }))).toMatchObject({
      code: 'APPEAL.ALREADY_OPEN',
      kind: 'conflict',
    });
  });

  it('a retried Idempotency-Key returns the first answer; the same key for another request is refused (API.md)', async () => {
    const carrier = await carrierWithAccident(1);
    const command = { subjectId: carrier.id, schemeId: SUZHOU, reason: '申诉', evidence: [], period: '', idempotencyKey: 'appeal-1' };
    const first = await open.execute(suzhou, command);
    const retried = await open.execute(suzhou, command);
    expect([first.replayed, retried.replayed, retried.appeal.id]).toEqual([false, true, first.appeal.id]);
    expect(await refusal(open.execute(suzhou, { ...command, reason: '另一申诉' }))).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_REUSED' });

    const decision = { appealId: first.appeal.id, outcome: 'rejected', reason: '维持', disregardedRecordIds: [], idempotencyKey: 'decision-1' };
    const decided = await decide.execute(suzhouRegulator, decision);
    const again = await decide.execute(suzhouRegulator, decision);
    expect([decided.replayed, again.replayed, again.appeal.status]).toEqual([false, true, 'rejected']);
    expect(await events('evaluation.grade.appeal-decided', first.appeal.id)).toHaveLength(1);
  });

  it('refuses another region’s client (403), a grade that does not exist (404) and an empty reason (400); nothing is stored', async () => {
    const carrier = await carrierWithAccident(1);
    expect(await refusal(open.execute(wuxi, { subjectId: carrier.id, schemeId: SUZHOU, reason: '申诉', evidence: [], period: '' }))).toMatchObject({
      code: 'APPEAL.REGION_FORBIDDEN',
      kind: 'forbidden',
    });
    expect(
      await refusal(open.execute(suzhou, { subjectId: carrier.id, schemeId: 'hangzhou-road-transport', reason: '申诉', evidence: [], period: '' })),
    ).toMatchObject({
      code: 'APPEAL.GRADE_NOT_FOUND',
      kind: 'not-found',
    });
    expect(await refusal(open.execute(suzhou, { subjectId: carrier.id, schemeId: SUZHOU, reason: ' ', evidence: [''], period: '' }))).toEqual({
      code: 'APPEAL.INVALID',
      kind: 'validation',
      fields: ['reason', 'evidence[0]'],
    });
    expect(await appealsOf(carrier.id)).toEqual([]);
  });

  it('upheld by the Suzhou regulator: the accident found not responsible is disregarded and the carrier is re-graded A (100)', async () => {
    const carrier = await carrierWithAccident(1);
    const appeal = await openAppeal(suzhou, { subjectId: carrier.id, schemeId: SUZHOU, reason: '我司无责任', evidence: [], period: '' });

    // Only the owner decides: a Henan admin does not own a scheme grading 320500.
    expect(
      await refusal(decide.execute(henanRegulator, { appealId: appeal.id, outcome: 'upheld', reason: '无责', disregardedRecordIds: [carrier.accident] })),
    ).toMatchObject({
      code: 'APPEAL.NOT_OWNER',
      kind: 'forbidden',
    });
    // A record that is not the carrier's in the contested quarter: 422, nothing decided.
    const stranger = randomUUID();
    expect(
      await refusal(decide.execute(suzhouRegulator, { appealId: appeal.id, outcome: 'upheld', reason: '无责', disregardedRecordIds: [stranger] })),
    ).toEqual({
      code: 'APPEAL.RECORD_NOT_COUNTED',
      kind: 'precondition',
      fields: ['disregardedRecordIds[0]'],
    });
    expect(
      await refusal(decide.execute(suzhouRegulator, { appealId: randomUUID(), outcome: 'rejected', reason: '维持', disregardedRecordIds: [] })),
    ).toMatchObject({
      code: 'APPEAL.NOT_FOUND',
    });
    expect(await standing(carrier.id)).toEqual([{ grade: 'D', score: 90 }]);

    const decided = await decideAppeal(suzhouRegulator, {
      appealId: appeal.id,
      outcome: 'upheld',
      reason: '经调查核实，该事故企业无责任，不予计入',
      disregardedRecordIds: [carrier.accident],
    });
    // Without the accident: five clean indicators, 100 → A.
    expect(decided).toMatchObject({
      status: 'upheld',
      decidedBy: 'suzhou-regulator',
      disregardedRecordIds: [carrier.accident],
      regradedGrade: 'A',
      regradedScore: 100,
    });
    expect(await standing(carrier.id)).toEqual([{ grade: 'A', score: 100 }]);
    expect(
      await db.query(`SELECT previous_grade, grade FROM evaluation.standing_changes WHERE subject_id = $1 AND cause_event_id = $2`, [carrier.id, appeal.id]),
    ).toEqual([{ previous_grade: 'D', grade: 'A' }]);
    expect((await events('evaluation.grade.appeal-decided', appeal.id)).map((e) => e.envelope.data)).toEqual([
      expect.objectContaining({ outcome: 'upheld', grade: 'D', score: 90, regraded: { grade: 'A', score: 100 }, disregardedRecordIds: [carrier.accident] }),
    ]);
    const view = await evaluations.execute(suzhou, { subjectId: carrier.id, asOf: '' });
    const regraded = view.evaluations.find((e) => e.schemeId === SUZHOU)!;
    expect(regraded).toMatchObject({ grade: 'A', score: 100, appeal: { id: appeal.id, status: 'upheld' } });
    // Explainable: the result says which record the appeal took out.
    expect(JSON.parse(regraded.explanationJson).warnings).toEqual([expect.stringContaining(carrier.accident)]);
    expect(await get.execute(suzhou, appeal.id)).toMatchObject({ status: 'upheld' });

    // Decided once.
    expect(
      await refusal(decide.execute(suzhouRegulator, { appealId: appeal.id, outcome: 'rejected', reason: '改判', disregardedRecordIds: [] })),
    ).toMatchObject({
      code: 'APPEAL.ALREADY_DECIDED',
      kind: 'conflict',
    });
  });

  it('rejected: the grade stands (D), the reason is kept and announced', async () => {
    const carrier = await carrierWithAccident(2);
    const appeal = await openAppeal(suzhou, { subjectId: carrier.id, schemeId: SUZHOU, reason: '申诉', evidence: [], period: '' });
    const decided = await decideAppeal(suzhouRegulator, {
      appealId: appeal.id,
      outcome: 'rejected',
      reason: '事故责任认定无误，维持D级',
      disregardedRecordIds: [],
    });
    expect(decided).toMatchObject({ status: 'rejected', decisionReason: '事故责任认定无误，维持D级', regradedGrade: '' });
    expect(await standing(carrier.id)).toEqual([{ grade: 'D', score: 90 }]);
    expect((await events('evaluation.grade.appeal-decided', appeal.id)).map((e) => e.envelope.data)).toEqual([
      expect.objectContaining({ outcome: 'rejected', regraded: { grade: 'D', score: 90 } }),
    ]);
    // A closed appeal frees the cycle: the subject may appeal again.
    await expect(
      open.execute(suzhou, { subjectId: carrier.id, schemeId: SUZHOU, reason: '补充新证据再次申诉', evidence: ['新证据'], period: '' }),
    ).resolves.toMatchObject({
      appeal: { status: 'open' },
    });
  });

  it('an appeal reads as absent outside the subject’s region and to a non-owner (404)', async () => {
    const carrier = await carrierWithAccident(1);
    const appeal = await openAppeal(suzhou, { subjectId: carrier.id, schemeId: SUZHOU, reason: '申诉', evidence: [], period: '' });
    expect(await refusal(get.execute(wuxi, appeal.id))).toMatchObject({ code: 'APPEAL.NOT_FOUND' });
    expect(await refusal(get.execute(henanRegulator, appeal.id))).toMatchObject({ code: 'APPEAL.NOT_FOUND' });
    expect(await refusal(get.execute(suzhou, 'not-an-id'))).toMatchObject({ code: 'APPEAL.NOT_FOUND' });
    expect(await get.execute(suzhouRegulator, appeal.id)).toMatchObject({ id: appeal.id });
  });

  it('an appeal against the quarter a close published: upheld, the closed result is graded again and re-announced', async () => {
    // Seed 004 苏州: 评价结果每季度发布一次 — last quarter's accident, last quarter closed (D), then appealed.
    const lastQuarter = previousCycle({ kind: 'quarter' }, cycleContaining({ kind: 'quarter' }, chinaToday()));
    const carrier = await carrierWithAccident(1, lastQuarter.end);
    const cycle = await close.execute(suzhouRegulator, { schemeId: SUZHOU, period: lastQuarter.label });
    await processor.work();
    const published = () =>
      db.query<{ grade: string; score: number }>(`SELECT grade, score FROM evaluation.cycle_results WHERE cycle_id = $1 AND subject_id = $2`, [
        cycle.id,
        carrier.id,
      ]);
    expect(await published()).toEqual([{ grade: 'D', score: 90 }]);

    expect(
      await refusal(open.execute(suzhou, { subjectId: carrier.id, schemeId: SUZHOU, reason: '申诉', evidence: [], period: 'last-quarter' })),
    ).toMatchObject({ code: 'APPEAL.INVALID', fields: ['period'] });
    const appeal = await openAppeal(suzhou, { subjectId: carrier.id, schemeId: SUZHOU, reason: '事故我司无责任', evidence: [], period: lastQuarter.label });
    expect(appeal).toMatchObject({ cycleId: cycle.id, cycleLabel: lastQuarter.label, grade: 'D', score: 90 });

    const decided = await decideAppeal(suzhouRegulator, {
      appealId: appeal.id,
      outcome: 'upheld',
      reason: '无责，不予计入',
      disregardedRecordIds: [carrier.accident],
    });
    expect(decided).toMatchObject({ status: 'upheld', regradedGrade: 'A', regradedScore: 100 });
    expect(await published()).toEqual([{ grade: 'A', score: 100 }]);
    const announced = await db.query<{ envelope: { data: { grade: string } } }>(
      `SELECT envelope FROM evaluation.outbox WHERE subject = 'evaluation.cycle-grades.recorded' AND envelope->'data'->>'cycleId' = $1 AND envelope->'data'->'subject'->>'id' = $2 ORDER BY id`,
      [cycle.id, carrier.id],
    );
    expect(announced.map((e) => e.envelope.data.grade)).toEqual(['D', 'A']);
  });
});
