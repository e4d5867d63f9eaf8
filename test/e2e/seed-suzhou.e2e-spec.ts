import { randomBytes, randomUUID } from 'node:crypto';
import { chinaToday, makeUscc } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/*
 * Seed 004 苏州 (分类分级安全监管; seed 003): road transport enterprises are graded A/B/C/D every quarter on
 * five first-level indicators, scoring plus veto — 对发生有责亡人事故的，直接定为 D 级 — and
 * 道路运输企业对评价结果有异议的，可提出申诉，属地交通运输行业管理部门负责对申诉情况及时调查核实.
 * Played through the gateway with Suzhou's clients: carriers registered, this quarter's fatal
 * accidents in → D; each carrier appeals through the Suzhou integrator; the Suzhou bureau upholds
 * one (the accident found not the carrier's responsibility: disregarded, re-graded) and rejects
 * the other (the grade stands). Appeals are ADR 0054.
 *
 * Grades follow suzhou-road-transport-safety (placeholder numbers, shipped-schemes.ts): five equal
 * indicators on 100; a responsible accident halves 安全管理 (20 → 10): 90, vetoed to D when fatal;
 * with nothing counted every indicator is whole: 100 → A (A ≥ 90).
 */
describe('seed 004 苏州: quarterly grades, a responsible fatal accident → D, the carrier appeals, the bureau decides', () => {
  let platform: RunningPlatform;
  let suzhou: string;
  let regulator: string;
  let hangzhou: string;
  let hangzhouRegulator: string;
  const SCHEME = 'suzhou-road-transport-safety';

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation']);
    [suzhou, regulator, hangzhou, hangzhouRegulator] = await Promise.all(
      ['suzhou', 'suzhou-regulator', 'hangzhou', 'hangzhou-regulator'].map((c) => platform.token(c)),
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string; errors?: { field: string }[] };
  const api = gatewayApi<Body>(
    () => platform,
    () => suzhou,
  );

  const today = chinaToday();
  // The scheme's quarterly cycle (seed 004: 评价结果每季度发布一次), e.g. 2026-Q4.
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;

  // The quarter before this one, and its last day: the published result a carrier appeals against.
  const [year, q] = [Number(today.slice(0, 4)), Number(quarter.slice(-1))];
  const lastQuarter = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  const lastQuarterEnd = q === 1 ? `${year - 1}-12-31` : `${year}-${['03-31', '06-30', '09-30'][q - 2]}`;

  const fatalAccident = (uscc: string, responsibility: string, decisionDate = today) => ({
    recordType: 'accident',
    subject: { kind: 'org', id: uscc, name: '苏州某运输有限公司' },
    region: '320505',
    severity: 'severe',
    decisionDate,
    documentNumber: `苏公交认字${randomBytes(3).toString('hex')}`,
    payload: {
      occurredAt: `${decisionDate}T08:00:00+08:00`,
      location: '苏州市虎丘区G2京沪高速苏州新区段',
      accidentGrade: 'ordinary',
      responsibility,
      deaths: 1,
      injuries: 0,
      description: '货车与小型客车追尾，致一人死亡',
      determinedBy: '苏州市公安局交通警察支队',
    },
  });

  type Evaluation = {
    schemeId: string;
    grade: string;
    score: number;
    cycle: { label: string };
    appeal?: Body;
    explanation: { adjustments?: { id: string }[] };
  };
  const suzhouGrade = async (uscc: string) => {
    const r = await api(`/api/v1/subjects/${uscc}/evaluations`);
    return ((r.body.evaluations ?? []) as Evaluation[]).find((e) => e.schemeId === SCHEME);
  };

  /** A Suzhou carrier of `sector` registered by the Suzhou integrator, with a fatal accident this quarter (or on `decisionDate`). */
  async function registeredWithFatalAccident(sector: string, decisionDate = today): Promise<{ uscc: string; accidentId: string }> {
    const uscc = makeUscc('320500');
    const registered = await api(`/api/v1/registry/enterprises/${uscc}`, {
      method: 'PUT',
      body: { name: '苏州某运输有限公司', region: '320505', declaredSectors: [sector], registeredOn: '2015-01-01' },
    });
    expect([200, 201]).toContain(registered.status);
    const created = await api('/api/v1/credit-records', { method: 'POST', body: fatalAccident(uscc, 'main', decisionDate) });
    expect({ status: created.status, body: created.status === 201 ? null : created.body }).toEqual({ status: 201, body: null });
    return { uscc, accidentId: created.body.id as string };
  }

  /** registeredWithFatalAccident this quarter, once evaluation grades it D. */
  async function carrierWithFatalAccident(sector: string): Promise<{ uscc: string; accidentId: string }> {
    const { uscc, accidentId } = await registeredWithFatalAccident(sector);
    await eventually(
      () => suzhouGrade(uscc),
      (e) => e?.grade === 'D',
      30_000,
    );
    return { uscc, accidentId };
  }

  it('grades the carrier D for the quarter (veto); its appeal is upheld: the accident disregarded, re-graded A', async () => {
    const carrier = await carrierWithFatalAccident('general-cargo');
    // 安全管理 20 × (1 − 1/2) = 10 with the other four whole: 90, which would be A; the veto sets D.
    expect(await suzhouGrade(carrier.uscc)).toMatchObject({
      grade: 'D',
      score: 90,
      cycle: { label: quarter },
      explanation: { adjustments: [expect.objectContaining({ id: 'fatal-accident-veto' })] },
    });

    const opened = await api(`/api/v1/subjects/${carrier.uscc}/evaluations/${SCHEME}/appeals`, {
      method: 'POST',
      body: { reason: '该起亡人事故经交警部门复核，认定我司车辆无责任', evidence: ['苏公交复字〔2026〕第0001号'] },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      subjectId: carrier.uscc,
      schemeId: SCHEME,
      cycleLabel: quarter,
      contested: { grade: 'D', score: 90 },
      status: 'open',
      openedBy: 'suzhou',
      evidence: ['苏公交复字〔2026〕第0001号'],
    });
    const appealId = opened.body.id as string;
    // The grade under appeal is marked where the grade is read.
    expect(await suzhouGrade(carrier.uscc)).toMatchObject({ grade: 'D', appeal: { id: appealId, status: 'open' } });

    // One open appeal per subject, scheme and cycle.
    const again = await api(`/api/v1/subjects/${carrier.uscc}/evaluations/${SCHEME}/appeals`, { method: 'POST', body: { reason: '重复申诉' } });
    expect([again.status, again.body.code]).toEqual([409, 'APPEAL.ALREADY_OPEN']);
    // Only the subject's region opens; only the scheme's owner decides.
    const foreign = await api(`/api/v1/subjects/${carrier.uscc}/evaluations/${SCHEME}/appeals`, { method: 'POST', token: hangzhou, body: { reason: '申诉' } });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'APPEAL.REGION_FORBIDDEN']);
    const notOwner = await api(`/api/v1/grade-appeals/${appealId}/decision`, {
      method: 'POST',
      token: hangzhouRegulator,
      body: { outcome: 'upheld', reason: '无责', disregardedRecordIds: [carrier.accidentId] },
    });
    expect([notOwner.status, notOwner.body.code]).toEqual([403, 'APPEAL.NOT_OWNER']);
    const notCounted = await api(`/api/v1/grade-appeals/${appealId}/decision`, {
      method: 'POST',
      token: regulator,
      body: { outcome: 'upheld', reason: '无责', disregardedRecordIds: [randomUUID()] },
    });
    expect([notCounted.status, notCounted.body.code, notCounted.body.errors?.[0]?.field]).toEqual([
      422,
      'APPEAL.RECORD_NOT_COUNTED',
      'disregardedRecordIds[0]',
    ]);

    const upheld = await api(`/api/v1/grade-appeals/${appealId}/decision`, {
      method: 'POST',
      token: regulator,
      body: { outcome: 'upheld', reason: '经调查核实，该起事故企业无责任，不予计入本季度评价', disregardedRecordIds: [carrier.accidentId] },
    });
    expect(upheld.status).toBe(200);
    // Nothing else counted this quarter: five whole indicators, 100 → A.
    expect(upheld.body).toMatchObject({
      status: 'upheld',
      contested: { grade: 'D', score: 90 },
      decision: { outcome: 'upheld', decidedBy: 'suzhou-regulator', disregardedRecordIds: [carrier.accidentId], regraded: { grade: 'A', score: 100 } },
    });
    // Re-graded by the scheme's rules, and the explanation says which record the appeal took out.
    expect(await suzhouGrade(carrier.uscc)).toMatchObject({
      grade: 'A',
      score: 100,
      cycle: { label: quarter },
      appeal: { id: appealId, status: 'upheld' },
      explanation: { adjustments: [], warnings: [expect.stringContaining(carrier.accidentId)] },
    });
    const read = await api(`/api/v1/grade-appeals/${appealId}`);
    expect([read.status, read.body.status]).toEqual([200, 'upheld']);
  }, 90_000);

  it('another carrier’s appeal is rejected with a reason: its D stands', async () => {
    const carrier = await carrierWithFatalAccident('hazardous-goods');
    const appeal = () =>
      api(`/api/v1/subjects/${carrier.uscc}/evaluations/${SCHEME}/appeals`, {
        method: 'POST',
        headers: { 'idempotency-key': `appeal-${carrier.uscc}` },
        body: { reason: '事故系对方车辆违法变道所致', evidence: ['行车记录仪视频 sz-0002'] },
      });
    const opened = await appeal();
    expect(opened.status).toBe(201);
    const appealId = opened.body.id as string;
    // A retried Idempotency-Key returns the first answer (API.md), not 409.
    const retried = await appeal();
    expect([retried.status, retried.body.id, retried.headers.get('idempotent-replayed')]).toEqual([201, appealId, 'true']);
    const rejected = await api(`/api/v1/grade-appeals/${appealId}/decision`, {
      method: 'POST',
      token: regulator,
      body: { outcome: 'rejected', reason: '经调查核实，事故责任认定无误，维持D级' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: { outcome: 'rejected', reason: '经调查核实，事故责任认定无误，维持D级' } });
    expect((rejected.body.decision as Body).regraded).toBeUndefined();
    expect(await suzhouGrade(carrier.uscc)).toMatchObject({ grade: 'D', score: 90, appeal: { id: appealId, status: 'rejected' } });

    // Decided once; bad input is refused with a stable code, nothing half-written.
    const twice = await api(`/api/v1/grade-appeals/${appealId}/decision`, {
      method: 'POST',
      token: regulator,
      body: { outcome: 'upheld', reason: '改判', disregardedRecordIds: [carrier.accidentId] },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'APPEAL.ALREADY_DECIDED']);
    const blank = await api(`/api/v1/subjects/${carrier.uscc}/evaluations/${SCHEME}/appeals`, { method: 'POST', body: { reason: '   ' } });
    expect([blank.status, blank.body.code, blank.body.errors?.[0]?.field]).toEqual([400, 'APPEAL.INVALID', 'reason']);
    const noGrade = await api(`/api/v1/subjects/${carrier.uscc}/evaluations/hangzhou-road-transport/appeals`, { method: 'POST', body: { reason: '申诉' } });
    expect([noGrade.status, noGrade.body.code]).toEqual([404, 'APPEAL.GRADE_NOT_FOUND']);
    const missing = await api(`/api/v1/grade-appeals/${randomUUID()}`);
    expect([missing.status, missing.body.code]).toEqual([404, 'APPEAL.NOT_FOUND']);
    const upheldWithout = await api(`/api/v1/grade-appeals/${appealId}/decision`, {
      method: 'POST',
      token: regulator,
      body: { outcome: 'upheld', reason: '改判' },
    });
    expect([upheldWithout.status, upheldWithout.body.code]).toEqual([400, 'APPEAL.INVALID']);
  }, 90_000);

  it('appeals the quarter the bureau published: last quarter closed (D), the appeal upheld, the published result re-graded A', async () => {
    // seed 004: 评价结果每季度发布一次 — the regulator closes last quarter; the carrier contests that result.
    const carrier = await registeredWithFatalAccident('road-passenger', lastQuarterEnd);
    await eventually(
      () => recordsHeld(platform, [carrier.uscc]),
      (n) => n === 1,
    );
    const { closed, ranked } = await closeCycle(platform, regulator, SCHEME, lastQuarter);
    expect(ranked.get(carrier.uscc)).toMatchObject({ grade: 'D', score: 90 });

    const opened = await api(`/api/v1/subjects/${carrier.uscc}/evaluations/${SCHEME}/appeals`, {
      method: 'POST',
      body: { reason: '上季度亡人事故经复核我司无责任', period: lastQuarter },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ cycleId: closed.body.id, cycleLabel: lastQuarter, contested: { grade: 'D', score: 90 }, status: 'open' });
    const badPeriod = await api(`/api/v1/subjects/${carrier.uscc}/evaluations/${SCHEME}/appeals`, {
      method: 'POST',
      body: { reason: '申诉', period: '1999-Q1' },
    });
    expect([badPeriod.status, badPeriod.body.code]).toEqual([404, 'APPEAL.GRADE_NOT_FOUND']);

    const upheld = await api(`/api/v1/grade-appeals/${opened.body.id as string}/decision`, {
      method: 'POST',
      token: regulator,
      body: { outcome: 'upheld', reason: '经调查核实，该起事故企业无责任', disregardedRecordIds: [carrier.accidentId] },
    });
    expect(upheld.body).toMatchObject({ status: 'upheld', decision: { regraded: { grade: 'A', score: 100 } } });
    const rankings = await gatewayApi<Body>(
      () => platform,
      () => regulator,
    )(`/api/v1/evaluation-cycles/${closed.body.id as string}/rankings?by=subject&limit=500`);
    expect((rankings.body.subjects as { subjectId: string; grade: string; score: number }[]).find((s) => s.subjectId === carrier.uscc)).toMatchObject({
      grade: 'A',
      score: 100,
    });
  }, 90_000);
});
