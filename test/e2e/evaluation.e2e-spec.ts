import { randomBytes } from 'node:crypto';
import { addMonths } from '@domain/calendar';
import { chinaToday, makeCitizenId } from '@platform/testing';
import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

/**
 * Evaluation issue: records submitted through collection change a driver's grade under the
 * shipped Zhengzhou taxi-driver scheme, with the explanation and as-of history, through the
 * gateway; a broken scheme version is refused with its location.
 */
describe('evaluation through the gateway', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation']);
    zhengzhou = await platform.token('zhengzhou');
    regulator = await platform.token('regulator');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string; errors?: { field: string; code?: string }[] };
  const api = gatewayApi<Body>(
    () => platform,
    () => regulator,
  );

  /** A valid citizen ID of someone born in 1990 and registered in Zhengzhou's Zhongyuan district. */
  function driverId(): string {
    return makeCitizenId('410102');
  }

  const record = (driver: string, recordType: string, severity: string, payload: Record<string, unknown>) => ({
    recordType,
    subject: { kind: 'person', id: driver, name: '张师傅' },
    region: '410100',
    severity,
    decisionDate: chinaToday(),
    documentNumber: `郑交${randomBytes(3).toString('hex')}`,
    payload,
  });

  interface Evaluation {
    schemeId: string;
    grade: string;
    score: number;
    cycle: { label: string };
    explanation: { base: number; items: { ruleId: string; recordId?: string; points: number; basis: string }[]; sources: string[] };
  }
  const evaluations = (driver: string, asOf?: string) =>
    api(`/api/v1/subjects/${driver}/evaluations${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`).then((r) => ({
      ...r,
      list: (r.body.evaluations ?? []) as Evaluation[],
    }));
  const taxiStars = (r: { list: Evaluation[] }) => r.list.find((e) => e.schemeId === 'zhengzhou-taxi-driver-stars');

  it('lists the shipped schemes', async () => {
    const { status, body } = await api('/api/v1/evaluation-schemes');
    expect(status).toBe(200);
    expect((body.schemes as { id: string; activeVersion: number }[]).map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'zhengzhou-taxi-driver-stars',
        'henan-passenger-hazardous-codes',
        'jiangsu-road-operator-grades',
        'nanyang-driver-grades',
        'beijing-commuter-bus-grades',
        'suzhou-road-transport-safety',
      ]),
    );
    // A fresh database holds the build's shipped schemes: no shipped change held back (ADR 0047).
    expect((body.schemes as { shippedUpdateAvailable: boolean }[]).every((s) => s.shippedUpdateAvailable === false)).toBe(true);
  });

  it('grades a driver from records submitted to collection, explains it, and answers as of before the last record', async () => {
    const driver = driverId();
    // A taxi driver in the registry (the Zhengzhou scheme grades the taxi sector), qualified long enough for no tenure cap.
    await registerSubjects(platform, [{ kind: 'person', id: driver, sectors: ['taxi'], qualifiedOn: '2015-01-01' }]);
    const commendation = await api('/api/v1/credit-records', {
      method: 'POST',
      token: zhengzhou,
      body: record(driver, 'commendation', 'minor', { title: '最美的哥', awardingBody: '河南省交通运输厅', level: 'provincial' }),
    });
    expect(commendation.status).toBe(201);
    // 20 + 5 (provincial commendation) = 25 → 5 stars.
    const five = await eventually(
      () => evaluations(driver),
      (r) => taxiStars(r)?.grade === '5',
    );
    expect(taxiStars(five)).toMatchObject({ score: 25, cycle: { label: chinaToday().slice(0, 4) } });
    const between = new Date().toISOString();

    const complaint = await api('/api/v1/credit-records', {
      method: 'POST',
      token: zhengzhou,
      body: record(driver, 'confirmed-complaint', 'severe', { hotline: '12328', complaintNumber: 'GD-1', content: '拒载', confirmedBy: '郑州市交通运输局' }),
    });
    expect(complaint.status).toBe(201);
    // 25 − 5 (severe complaint) = 20 → 4 stars, and every point explained down to the record.
    const four = await eventually(
      () => evaluations(driver),
      (r) => taxiStars(r)?.grade === '4',
    );
    const evaluation = taxiStars(four)!;
    expect(evaluation.score).toBe(20);
    expect(evaluation.explanation.base).toBe(20);
    expect(evaluation.explanation.items.map((i) => [i.ruleId, i.recordId, i.points])).toEqual([
      ['complaint', complaint.body.id, -5],
      ['commendation', commendation.body.id, 5],
    ]);
    expect(evaluation.explanation.sources.join(' ')).toContain('交运规〔2022〕2号');

    const asOf = await evaluations(driver, between);
    expect(asOf.status).toBe(200);
    expect(taxiStars(asOf)).toMatchObject({ grade: '5', score: 25 });

    // The providing unit revokes the complaint: the grade goes back.
    const revoked = await api(`/api/v1/credit-records/${complaint.body.id as string}/revocation`, {
      method: 'POST',
      token: zhengzhou,
      body: { reason: '投诉经复核不属实' },
    });
    expect(revoked.status).toBe(200);
    expect(
      taxiStars(
        await eventually(
          () => evaluations(driver),
          (r) => taxiStars(r)?.grade === '5',
        ),
      )?.score,
    ).toBe(25);

    const changes = await platform.db.query<{ previous_grade: string | null; grade: string }>(
      `SELECT previous_grade, grade FROM evaluation.standing_changes WHERE subject_id = $1 AND scheme_id = 'zhengzhou-taxi-driver-stars' ORDER BY id`,
      [driver],
    );
    expect(changes).toEqual([
      { previous_grade: null, grade: '5' },
      { previous_grade: '5', grade: '4' },
      { previous_grade: '4', grade: '5' },
    ]);
  });

  it('grades a carrier under the Henan red/yellow/green scheme from a penalty like the demo data', async () => {
    const body = creditRecordBody();
    await registerSubjects(platform, [{ kind: 'org', id: body.subject.id, sectors: ['road-passenger'] }]);
    expect((await api('/api/v1/credit-records', { method: 'POST', token: zhengzhou, body })).status).toBe(201);
    // 1000 − 30 (general penalty) = 970 → green (seed 002 案例1, 4, 8).
    const henanCodes = (r: { list: Evaluation[] }) => r.list.find((e) => e.schemeId === 'henan-passenger-hazardous-codes');
    const graded = await eventually(
      () => evaluations(body.subject.id),
      (r) => henanCodes(r) !== undefined,
    );
    expect(henanCodes(graded)).toMatchObject({ grade: 'green', score: 970, cycle: { label: expect.stringMatching(/^\d{4}-Q[1-4]$/) } });
    expect(graded.list.map((e) => e.schemeId)).toEqual(['henan-passenger-hazardous-codes']);
  });

  it('does not grade a general-cargo carrier under Henan 两客一危, and says why; an unregistered one is "sector unknown" (issue 16)', async () => {
    // seed 002 案例1: “两客一危” = road passenger and hazardous goods; an ordinary freight carrier is outside it.
    const freight = creditRecordBody();
    const unregistered = creditRecordBody();
    await registerSubjects(platform, [{ kind: 'org', id: freight.subject.id, sectors: ['general-cargo'] }]);
    for (const body of [freight, unregistered]) expect((await api('/api/v1/credit-records', { method: 'POST', token: zhengzhou, body })).status).toBe(201);
    type WithNotApplicable = { list: Evaluation[]; body: Body & { notApplicable?: { schemeId: string; reason: string; message: string }[] } };
    const notApplicable = (r: WithNotApplicable) => r.body.notApplicable ?? [];
    const outside = (await eventually(
      () => evaluations(freight.subject.id),
      (r) => notApplicable(r as WithNotApplicable).some((n) => n.reason === 'SECTOR_OUTSIDE'),
    )) as WithNotApplicable;
    expect(outside.list).toEqual([]);
    expect(notApplicable(outside)).toEqual([
      expect.objectContaining({ schemeId: 'henan-passenger-hazardous-codes', reason: 'SECTOR_OUTSIDE', message: expect.stringContaining('不适用') }),
    ]);
    const unknown = (await eventually(
      () => evaluations(unregistered.subject.id),
      (r) => r.status === 200,
    )) as WithNotApplicable;
    expect(unknown.list).toEqual([]);
    expect(notApplicable(unknown)).toEqual([expect.objectContaining({ schemeId: 'henan-passenger-hazardous-codes', reason: 'SECTOR_UNKNOWN' })]);
  });

  it('refuses a scheme version with a type error, naming the rule and column; nothing is stored', async () => {
    const current = await api('/api/v1/evaluation-schemes/zhengzhou-taxi-driver-stars');
    expect(current.status).toBe(200);
    const document = current.body.document as { scoring: { rules: { when?: string }[] } };
    document.scoring.rules[0]!.when = 'record.severity > 3';
    const refused = await api('/api/v1/evaluation-schemes/zhengzhou-taxi-driver-stars', { method: 'PUT', body: { document, publish: true } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'SCHEME.INVALID' });
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'document.scoring.rules[0].when', code: 'EXPRESSION_TYPE' })]);
    const after = await api('/api/v1/evaluation-schemes/zhengzhou-taxi-driver-stars');
    expect(after.body.version).toBe(current.body.version);
  });

  it('simulates a draft against current data before anything is published', async () => {
    const current = await api('/api/v1/evaluation-schemes/zhengzhou-taxi-driver-stars');
    // Draft: a provincial commendation is worth 6 instead of 5, so the commended driver of the
    // test above (20 + 5 = 25 → 5 stars) would have 26: still 5 stars. Nobody changes grade.
    const document = current.body.document as { scoring: { rules: { id: string; points: unknown }[] } };
    document.scoring.rules.find((r) => r.id === 'commendation')!.points =
      "has(record.payload.level) && record.payload.level in ['national', 'provincial'] ? 6.0 : 2.0";
    const unchanged = await api('/api/v1/evaluation-schemes/zhengzhou-taxi-driver-stars/simulations', { method: 'POST', body: { document } });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ schemeId: 'zhengzhou-taxi-driver-stars', activeVersion: current.body.version, changed: 0, sample: [] });
    expect(unchanged.body.subjects).toBeGreaterThan(0);
    // Draft: 5 stars from 26: the 25-point driver drops to 4 stars, with the draft's explanation.
    (document as unknown as { ladder: { rungs: { grade: string; min?: number; max?: number }[] } }).ladder.rungs.splice(
      0,
      2,
      { grade: '5', min: 26 },
      { grade: '4', min: 20, max: 26 },
    );
    document.scoring.rules.find((r) => r.id === 'commendation')!.points =
      "has(record.payload.level) && record.payload.level in ['national', 'provincial'] ? 5.0 : 2.0";
    const worse = await api('/api/v1/evaluation-schemes/zhengzhou-taxi-driver-stars/simulations', { method: 'POST', body: { document } });
    expect(worse.body).toMatchObject({ changed: 1, worse: 1, transitions: { '5→4': 1 } });
    expect(worse.body.sample).toEqual([
      expect.objectContaining({ from: { grade: '5', score: 25 }, to: expect.objectContaining({ grade: '4', score: 25 }), direction: 'worse' }),
    ]);
    const after = await api('/api/v1/evaluation-schemes/zhengzhou-taxi-driver-stars');
    expect(after.body.version).toBe(current.body.version);
  });

  it('closes last year’s cycle in the background, with progress and the grade distribution', async () => {
    const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
    const accepted = await api('/api/v1/evaluation-cycles', { method: 'POST', body: { schemeId: 'zhengzhou-taxi-driver-stars', period: lastYear } });
    expect(accepted.status).toBe(202);
    const id = accepted.body.id as string;
    const done = await eventually(
      () => api(`/api/v1/evaluation-cycles/${id}`),
      (r) => r.body.status === 'completed',
    );
    expect(done.body).toMatchObject({
      schemeId: 'zhengzhou-taxi-driver-stars',
      period: lastYear,
      start: `${lastYear}-01-01`,
      end: `${lastYear}-12-31`,
      status: 'completed',
    });
    const distribution = done.body.distribution as Record<string, number>;
    // Every driver graded so far has only this year's records: last year each kept the base 20 → 4 stars.
    expect(Object.keys(distribution)).toEqual(['4']);
    expect(distribution['4']).toBe(done.body.total);
    const again = await api('/api/v1/evaluation-cycles', { method: 'POST', body: { schemeId: 'zhengzhou-taxi-driver-stars', period: lastYear } });
    expect(again.body).toEqual({ id, created: false });
    const rankings = await api(`/api/v1/evaluation-cycles/${id}/rankings?by=subject&limit=5`);
    expect(rankings.status).toBe(200);
    expect((rankings.body.subjects as { rank: number; grade: string }[]).every((s) => s.rank === 1 && s.grade === '4')).toBe(true);
    const notEnded = await api('/api/v1/evaluation-cycles', {
      method: 'POST',
      body: { schemeId: 'zhengzhou-taxi-driver-stars', period: chinaToday().slice(0, 4) },
    });
    expect({ status: notEnded.status, code: notEnded.body.code }).toEqual({ status: 422, code: 'CYCLE.PERIOD_NOT_ENDED' });
  });

  // After the cycle close above: this driver was not qualified last year, and would be graded there capped.
  it('caps a Zhengzhou taxi driver the registry says qualified 3 months ago at 3 stars, though 25 points would be 5 (seed 002 案例9)', async () => {
    const driver = driverId();
    await registerSubjects(platform, [{ kind: 'person', id: driver, sectors: ['taxi'], qualifiedOn: addMonths(chinaToday(), -3) }]);
    const commendation = await api('/api/v1/credit-records', {
      method: 'POST',
      token: zhengzhou,
      body: record(driver, 'commendation', 'minor', { title: '最美的哥', awardingBody: '河南省交通运输厅', level: 'provincial' }),
    });
    expect(commendation.status).toBe(201);
    // 20 + 5 = 25 → 5★ by score; 注册在岗时间少于6个月 → at most 3★ (tenure from the registry's qualifiedOn).
    const capped = await eventually(
      () => evaluations(driver),
      (r) => taxiStars(r) !== undefined,
    );
    expect(taxiStars(capped)).toMatchObject({ grade: '3', score: 25 });
    expect((taxiStars(capped)!.explanation as unknown as { adjustments: { id: string }[] }).adjustments).toEqual([
      expect.objectContaining({ id: 'tenure-cap' }),
    ]);
  });

  it('ranks carriers and cities for a past month of the quarterly Henan scheme; bad parameters are refused with code and field', async () => {
    // A penalty decided and received in March of last year (moved back in time through the data).
    const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
    const body = creditRecordBody();
    await registerSubjects(platform, [{ kind: 'org', id: body.subject.id, sectors: ['hazardous-goods'] }]);
    expect((await api('/api/v1/credit-records', { method: 'POST', token: zhengzhou, body })).status).toBe(201);
    const graded = await eventually(
      () => evaluations(body.subject.id),
      (r) => r.list.length > 0,
    );
    expect(graded.status).toBe(200);
    await platform.db.query(`UPDATE evaluation.subject_records SET decision_date = $2, received_at = $3 WHERE subject_id = $1`, [
      body.subject.id,
      `${lastYear}-03-10`,
      `${lastYear}-03-11T09:00:00+08:00`,
    ]);

    const path = (query: string) => `/api/v1/rankings?schemeId=henan-passenger-hazardous-codes&${query}`;
    const carriers = await eventually(
      () => api(path(`periodKind=month&period=${lastYear}-03&by=subject`)),
      (r) => r.status === 200,
      30_000,
    );
    expect(carriers.body).toMatchObject({
      schemeId: 'henan-passenger-hazardous-codes',
      periodKind: 'month',
      period: `${lastYear}-03`,
      start: `${lastYear}-03-01`,
      end: `${lastYear}-03-31`,
      status: 'completed',
    });
    // 1000 − 30 (general penalty) = 970 → green, in the quarter containing 31 March.
    expect(carriers.body.subjects).toEqual([expect.objectContaining({ rank: 1, subjectId: body.subject.id, grade: 'green', score: 970 })]);
    const cities = await api(path(`periodKind=month&period=${lastYear}-03&by=city`));
    expect(cities.body.regions).toEqual([{ rank: 1, region: '410100', subjects: 1, meanScore: 970, distribution: { green: 1 } }]);
    // February ended before the record arrived: nobody to rank.
    expect(
      (
        await eventually(
          () => api(path(`periodKind=month&period=${lastYear}-02`)),
          (r) => r.status === 200,
          30_000,
        )
      ).body.subjects,
    ).toEqual([]);

    // Issue 16: a penalty decided on 20 March of last year but received only now counts in March (the
    // period of its decision date), although March was ranked already: the ranking is graded again.
    const late = creditRecordBody({ decisionDate: `${lastYear}-03-20` });
    await registerSubjects(platform, [{ kind: 'org', id: late.subject.id, sectors: ['hazardous-goods'] }]);
    expect((await api('/api/v1/credit-records', { method: 'POST', token: zhengzhou, body: late })).status).toBe(201);
    const regraded = await eventually(
      () => api(path(`periodKind=month&period=${lastYear}-03&by=subject`)),
      (r) => r.status === 200 && (r.body.subjects as { subjectId: string }[]).some((s) => s.subjectId === late.subject.id),
      30_000,
    );
    // 1000 − 30 = 970 each: a tie for first place.
    expect(regraded.body.subjects).toHaveLength(2);
    expect(regraded.body.subjects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rank: 1, subjectId: body.subject.id, score: 970 }),
        expect.objectContaining({ rank: 1, subjectId: late.subject.id, grade: 'green', score: 970 }),
      ]),
    );

    const refused = async (query: string) => {
      const r = await api(query.startsWith('/') ? query : path(query));
      return { status: r.status, code: r.body.code, fields: (r.body.errors ?? []).map((e) => e.field) };
    };
    expect(await refused('periodKind=fortnight&period=2025-W10')).toEqual({ status: 400, code: 'RANKING.INVALID_PERIOD_KIND', fields: ['periodKind'] });
    expect(await refused('periodKind=week&period=2025-W54')).toEqual({ status: 400, code: 'RANKING.INVALID_PERIOD', fields: ['period'] });
    expect(await refused('periodKind=quarter&period=2025-05')).toEqual({ status: 400, code: 'RANKING.INVALID_PERIOD', fields: ['period'] });
    expect(await refused(`periodKind=year&period=${chinaToday().slice(0, 4)}`)).toEqual({ status: 422, code: 'RANKING.PERIOD_NOT_ENDED', fields: ['period'] });
    expect(await refused('/api/v1/rankings?schemeId=no-such-scheme&periodKind=year&period=2025')).toEqual({
      status: 404,
      code: 'SCHEME.NOT_FOUND',
      fields: [],
    });
    const missing = await refused('/api/v1/rankings?periodKind=year&period=2025');
    expect({ status: missing.status, fields: [...new Set(missing.fields)] }).toEqual({ status: 400, fields: ['schemeId'] });
    expect(await refused('periodKind=year&period=2025&by=province')).toMatchObject({ status: 400, fields: ['by'] });
  }, 90_000);

  it('reads a partner city’s grade on our ladder through a recognition table', async () => {
    const tables = await api('/api/v1/grade-recognitions');
    expect((tables.body.tables as { id: string }[]).map((t) => t.id)).toContain('wuxi-to-suzhou-road-transport');
    const recognised = await api('/api/v1/grade-recognitions/yangtze-four-colour-to-henan-codes/recognitions', { method: 'POST', body: { grade: 'blue' } });
    expect(recognised.body).toMatchObject({ partnerRegion: '420000', partnerGrade: 'blue', ourSchemeId: 'henan-passenger-hazardous-codes', ourGrade: 'green' });
    const unknown = await api('/api/v1/grade-recognitions/yangtze-four-colour-to-henan-codes/recognitions', { method: 'POST', body: { grade: 'purple' } });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 400, code: 'RECOGNITION.UNKNOWN_GRADE' });
  });

  it('requires the evaluations scope, and hides subjects outside the caller’s region', async () => {
    const withoutScope = await api('/api/v1/subjects/410102199001010000/evaluations', { token: zhengzhou });
    expect({ status: withoutScope.status, code: withoutScope.body.code }).toEqual({ status: 403, code: 'AUTH.INSUFFICIENT_SCOPE' });
    const unknown = await evaluations(driverId());
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'SUBJECT.NOT_FOUND' }); // the gateway's region rule, ADR 0041
  });
});
