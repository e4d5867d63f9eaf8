import { randomBytes } from 'node:crypto';
import { chinaToday, makeCitizenId } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

/**
 * Seed 002 案例3 (许昌“信用+出租车”): taxi drivers are rated in stars, and the stars set what a
 * driver pays at the city's charging stations — 五星5折、四星6折、三星及以下7折 of the service
 * fee (DOMAIN.md §4: 50 %/60 %/70 %) — and high stars get priority dispatch. Played through the
 * gateway with Xuchang's client: drivers registered as taxi drivers, records of last year in,
 * last year's cycle closed, then the charging and dispatch decisions.
 *
 * Expected stars from 交运规〔2022〕2号 (base 20, bonus ≤ +10) and the thresholds the Xuchang scheme
 * reuses from Zhengzhou as a placeholder (≥ 25 → 5★, 11–19 → 3★).
 */
describe('seed 002 案例3: Xuchang taxi stars → charging discount and priority dispatch', () => {
  let platform: RunningPlatform;
  let xuchang: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [xuchang, regulator] = await Promise.all([platform.token('xuchang'), platform.token('regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => xuchang,
  );

  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);

  /** A valid citizen ID of someone born in 1990 and registered in Xuchang's Weidu district (411002). */
  function driverId(): string {
    return makeCitizenId('411002');
  }

  const record = (driver: string, recordType: string, severity: string, payload: Record<string, unknown>) => ({
    recordType,
    subject: { kind: 'person', id: driver, name: '李师傅' },
    region: '411000',
    severity,
    decisionDate: `${lastYear}-06-15`,
    documentNumber: `许交${randomBytes(3).toString('hex')}`,
    payload,
  });

  const commendation = (driver: string) =>
    record(driver, 'commendation', 'minor', { title: '最美出租车驾驶员', awardingBody: '河南省交通运输厅', level: 'provincial' });

  const penalty = (driver: string) =>
    record(driver, 'administrative-penalty', 'general', {
      facts: '巡游出租汽车驾驶员拒载',
      penaltyCategories: ['fine'],
      penaltyBasis: '《巡游出租汽车经营服务管理规定》第四十九条',
      penaltyContent: '罚款人民币贰佰元',
      fineAmountFen: 20_000,
      authority: '许昌市交通运输局',
      authorityUscc: '11411000MB1575112N',
    });

  type Measure = { code: string; mappingId: string; value: { amount: number; unit: string } | null };
  type Reason = { kind: string; mappingId: string; schemeId?: string; cycle?: string; grade?: string };
  const decide = (subjectId: string, scene: string) =>
    api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene, sector: 'taxi', region: '411000' } }).then((r) => ({
      status: r.status,
      measures: (r.body.measures ?? []) as Measure[],
      reasons: (r.body.reasons ?? []) as Reason[],
      notApplied: (r.body.notApplied ?? []) as unknown[],
    }));

  it('a commended driver is 5★ for last year and charges at 50 % with priority dispatch; a 3★ driver charges at 70 % without it', async () => {
    const fiveStar = driverId();
    const threeStar = driverId();
    await registerSubjects(platform, [
      { kind: 'person', id: fiveStar, sectors: ['taxi'], region: '411000', qualifiedOn: '2015-01-01' },
      { kind: 'person', id: threeStar, sectors: ['taxi'], region: '411000', qualifiedOn: '2015-01-01' },
    ]);
    // 20 + 5 + 5 = 30 (two provincial commendations, bonus ceiling +10) → 5★.
    for (const body of [commendation(fiveStar), commendation(fiveStar)]) {
      expect((await api('/api/v1/credit-records', { method: 'POST', body })).status).toBe(201);
    }
    // 20 − 5 (a general penalty) = 15 → 3★.
    expect((await api('/api/v1/credit-records', { method: 'POST', body: penalty(threeStar) })).status).toBe(201);

    // This year's cycle holds none of last year's records: both keep the base 20 (4★) for now.
    const current = (driver: string) =>
      api(`/api/v1/subjects/${driver}/evaluations`).then((r) =>
        ((r.body.evaluations ?? []) as { schemeId: string; grade: string; score: number }[]).find((e) => e.schemeId === 'xuchang-taxi-stars'),
      );
    expect(
      await eventually(
        () => current(fiveStar),
        (e) => e !== undefined,
      ),
    ).toMatchObject({ grade: '4', score: 20 });

    // Decisions use closed-cycle grades: once evaluation holds the three records, the regulator closes last year's cycle.
    const held = await eventually(
      () => recordsHeld(platform, [fiveStar, threeStar]),
      (n) => n === 3,
    );
    expect(held).toBe(3);
    const { closed, subjects } = await closeCycle(platform, regulator, 'xuchang-taxi-stars', lastYear);
    expect(closed.body).toMatchObject({ schemeId: 'xuchang-taxi-stars', period: lastYear, status: 'completed', distribution: { '5': 1, '3': 1 } });
    expect(subjects.map((s) => [s.subjectId, s.grade, s.score]).sort()).toEqual(
      [
        [fiveStar, '5', 30],
        [threeStar, '3', 15],
      ].sort(),
    );

    // 五星车辆享受充电服务费5折 → 50 % of the fee; high stars → priority dispatch.
    const charging = await eventually(
      () => decide(fiveStar, 'incentive.discount'),
      (d) => d.measures.length > 0,
    );
    expect(charging.status).toBe(200);
    expect(charging.notApplied).toEqual([]);
    expect(charging.measures.map((m) => [m.code, m.mappingId, m.value])).toEqual([
      ['charging.discount', 'xuchang.charging.5-star', { amount: 50, unit: '% of the fee payable' }],
    ]);
    expect(charging.reasons).toEqual([{ kind: 'grade', mappingId: 'xuchang.charging.5-star', schemeId: 'xuchang-taxi-stars', cycle: lastYear, grade: '5' }]);
    const dispatch = await decide(fiveStar, 'dispatch.priority');
    expect(dispatch.measures.map((m) => [m.code, m.mappingId])).toEqual([['dispatch.priority', 'xuchang.dispatch.high-stars']]);

    // 三星及以下车辆服务费7折 → 70 %; 3★ is no high star: no priority dispatch.
    const threeCharging = await eventually(
      () => decide(threeStar, 'incentive.discount'),
      (d) => d.measures.length > 0,
    );
    expect(threeCharging.measures.map((m) => [m.code, m.mappingId, m.value])).toEqual([
      ['charging.discount', 'xuchang.charging.3-star-or-below', { amount: 70, unit: '% of the fee payable' }],
    ]);
    expect((await decide(threeStar, 'dispatch.priority')).measures).toEqual([]);
  }, 90_000);
});
