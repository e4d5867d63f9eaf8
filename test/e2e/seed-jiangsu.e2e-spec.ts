import { usccCheckCharacter } from '@domain/identifiers';
import { chinaToday } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/*
 * Jiangsu road transport operators (DOMAIN.md §3, the Jiangsu example; seed 004 案例3–4): AA ≥ 90;
 * A 80–<90; B 60–<80, or 40–<60 with bad-behaviour points < 20; C 40–<60 with ≥ 20; D < 40 with
 * ≥ 20 — and 苏锡常通 (seed 004 案例3): Suzhou, Wuxi, Changzhou and Nantong share last year's grades
 * every April and recognise each other's. Played through the gateway with Jiangsu's client:
 * Wuxi operators registered, last year's penalties and complaints in, the year closed, and each
 * Wuxi grade read as Suzhou's through the shipped table wuxi-to-suzhou-road-transport.
 *
 * The bands are the source's; the deductions are jiangsu-road-operator-grades' LOCAL steps:
 * a penalty −5/−10/−20 by severity, counted as bad-behaviour points; a complaint −2/−5/−10, not counted.
 */
describe('Jiangsu operator grades (DOMAIN.md §3) and 苏锡常通 recognition (seed 004 案例3)', () => {
  let platform: RunningPlatform;
  let jiangsu: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [jiangsu, regulator] = await Promise.all([platform.token('jiangsu'), platform.token('jiangsu-regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => jiangsu,
  );

  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
  const WUXI = '320200';
  const AUTHORITY_FIRST17 = `11${WUXI}MB0000002`;
  let n = 0;
  const penalty = (operator: string, severity: string) =>
    creditRecordBody({
      subject: { kind: 'org', id: operator, name: '无锡某运输有限公司' },
      region: WUXI,
      severity,
      decisionDate: `${lastYear}-04-${String(10 + (++n % 18)).padStart(2, '0')}`,
      documentNumber: `锡交执罚〔${lastYear}〕${n}号`,
      payload: { authority: '无锡市交通运输局', authorityUscc: AUTHORITY_FIRST17 + usccCheckCharacter(AUTHORITY_FIRST17) },
    });
  const complaint = (operator: string, severity: string) => ({
    recordType: 'confirmed-complaint',
    subject: { kind: 'org', id: operator, name: '无锡某运输有限公司' },
    region: WUXI,
    severity,
    decisionDate: `${lastYear}-05-${String(10 + (++n % 18)).padStart(2, '0')}`,
    documentNumber: `12328-${lastYear}-${n}`,
    sourceRecordId: `jiangsu-complaint-${operator}-${n}`,
    payload: { hotline: '12328', complaintNumber: `WX${lastYear}${n}`, content: '驾驶员服务态度差', confirmedBy: '无锡市交通运输局' },
  });
  const times = <T>(count: number, make: () => T) => Array.from({ length: count }, make);

  it('grades last year on the Jiangsu bands (40–<60 is B or C by the bad-behaviour points) and Suzhou recognises each Wuxi grade', async () => {
    const operators = [
      // 100 − 2 (minor complaint) = 98: AA (≥ 90).
      { id: makeUscc(WUXI), records: (id: string) => [complaint(id, 'minor')], grade: 'AA', score: 98 },
      // 100 − 10 (general penalty) − 5 (general complaint) = 85: A (80–<90).
      { id: makeUscc(WUXI), records: (id: string) => [penalty(id, 'general'), complaint(id, 'general')], grade: 'A', score: 85 },
      // 100 − 20 (severe penalty) − 5 = 75: B (60–<80), whatever the bad-behaviour points.
      { id: makeUscc(WUXI), records: (id: string) => [penalty(id, 'severe'), complaint(id, 'general')], grade: 'B', score: 75 },
      // 100 − 10 (general penalty: 10 bad-behaviour points) − 4 × 10 (severe complaints) = 50 with 10 < 20 points: B.
      { id: makeUscc(WUXI), records: (id: string) => [penalty(id, 'general'), ...times(4, () => complaint(id, 'severe'))], grade: 'B', score: 50 },
      // 100 − 20 (severe penalty: 20 bad-behaviour points) − 3 × 10 = 50 with ≥ 20 points: C.
      { id: makeUscc(WUXI), records: (id: string) => [penalty(id, 'severe'), ...times(3, () => complaint(id, 'severe'))], grade: 'C', score: 50 },
      // 100 − 3 × 20 (severe penalties: 60 points) − 10 = 30, below 40 with ≥ 20 points: D.
      { id: makeUscc(WUXI), records: (id: string) => [...times(3, () => penalty(id, 'severe')), complaint(id, 'severe')], grade: 'D', score: 30 },
    ];
    for (const operator of operators) {
      const registered = await api(`/api/v1/registry/enterprises/${operator.id}`, {
        method: 'PUT',
        body: { name: '无锡某运输有限公司', region: WUXI, declaredSectors: ['general-cargo'] },
      });
      expect([200, 201]).toContain(registered.status);
    }
    let total = 0;
    for (const operator of operators) {
      for (const body of operator.records(operator.id)) {
        const created = await api('/api/v1/credit-records', { method: 'POST', body });
        expect({ status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({ status: 201, body: undefined });
        total += 1;
      }
    }
    expect(
      await eventually(
        () =>
          recordsHeld(
            platform,
            operators.map((o) => o.id),
          ),
        (held) => held === total,
      ),
    ).toBe(total);

    const { closed, ranked } = await closeCycle(platform, regulator, 'jiangsu-road-operator-grades', lastYear);
    expect(closed.body).toMatchObject({
      schemeId: 'jiangsu-road-operator-grades',
      period: lastYear,
      status: 'completed',
      total: 6,
      distribution: { AA: 1, A: 1, B: 2, C: 1, D: 1 },
    });
    for (const operator of operators)
      expect({ id: operator.id, ...ranked.get(operator.id) }).toMatchObject({ id: operator.id, grade: operator.grade, score: operator.score });

    // 苏锡常通: every April Suzhou takes last year's Wuxi grades as its own. Suzhou grades A–D (seed 004
    // 苏州, ADR 0054): a Wuxi AA reads as Suzhou's best, A; every other grade as itself.
    const suzhouGrade = (wuxi: string) => (wuxi === 'AA' ? 'A' : wuxi);
    for (const operator of operators) {
      const recognised = await api('/api/v1/grade-recognitions/wuxi-to-suzhou-road-transport/recognitions', {
        method: 'POST',
        body: { grade: ranked.get(operator.id)!.grade },
      });
      expect(recognised.status).toBe(200);
      expect(recognised.body).toMatchObject({
        partnerRegion: WUXI,
        partnerGrade: operator.grade,
        ourSchemeId: 'suzhou-road-transport-safety',
        ourGrade: suzhouGrade(operator.grade),
      });
    }
  }, 180_000);

  it('refuses a grade that is not on the partner ladder with problem+json naming the field', async () => {
    const refused = await api('/api/v1/grade-recognitions/wuxi-to-suzhou-road-transport/recognitions', { method: 'POST', body: { grade: 'AAA' } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'RECOGNITION.UNKNOWN_GRADE' });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([{ field: 'grade', message: "is not a grade of the partner's ladder AA-D", code: 'UNKNOWN_GRADE' }]);
  });
});
