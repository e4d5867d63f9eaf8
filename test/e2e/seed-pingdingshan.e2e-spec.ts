import { randomBytes } from 'node:crypto';
import { chinaToday } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

type Json = Record<string, unknown> & { code?: string };
interface Measure {
  code: string;
  effect: string;
  mappingId: string;
}

const SCHEME = 'henan-passenger-hazardous-codes';
const PINGDINGSHAN = '410400';

/** The quarter before the one `today` (YYYY-MM-DD) falls in: its label and a day in it. */
function lastQuarter(today: string): { period: string; day: string } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const [y, q] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
  return { period: `${y}-Q${q}`, day: `${y}-${String((q - 1) * 3 + 2).padStart(2, '0')}-15` };
}

/**
 * Issue 17, seed 002 案例8 (平顶山): Pingdingshan pilots the provincial 两客一危 red/yellow/green
 * codes (1000 points, quarterly: 案例1) on all its passenger and hazardous-goods carriers:
 * 对低于800分的企业联合安全、运管、执法部门开展入企检查; 协调运管、执法部门对…黄码企业联合开展入企监管执法检查;
 * 红码企业不办理新业务，黄码企业在安全隐患没整改到位的情况下原则上不办理新业务; 绿码企业无事不扰. Seed 001
 * (平顶山行动方案 11.) asks for differentiated supervision by credit result. Played through the gateway
 * with Pingdingshan's client: registry → records → quarter closed → decisions.
 *
 * Points from the provincial scheme (its notes: per-item deductions and the green/yellow bounds are
 * placeholders; red below 800 is Pingdingshan's figure): severe penalty −50, general −30, minor −10;
 * green ≥ 900, yellow 800–<900, red < 800.
 */
describe('seed 002 案例8: Pingdingshan 两客一危 codes → on-site inspection below 800, no new business for red', () => {
  let platform: RunningPlatform;
  let pingdingshan: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [pingdingshan, regulator] = await Promise.all([platform.token('pingdingshan'), platform.token('regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => pingdingshan,
  );

  const penalty = (carrier: string, severity: string, decisionDate: string) => ({
    recordType: 'administrative-penalty',
    subject: { kind: 'org', id: carrier, name: '平顶山某危险货物运输有限公司' },
    region: PINGDINGSHAN,
    severity,
    decisionDate,
    documentNumber: `平交执罚〔2026〕${randomBytes(3).toString('hex')}号`,
    payload: {
      facts: '未按规定开展从业人员安全教育培训',
      penaltyCategories: ['fine'],
      penaltyBasis: '《中华人民共和国安全生产法》第九十七条',
      penaltyContent: '罚款人民币伍万元',
      fineAmountFen: 5_000_000,
      authority: '平顶山市交通运输局',
      authorityUscc: '11410400MB1575112N',
    },
  });
  const submit = async (body: Record<string, unknown>) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
  };
  const decide = (subjectId: string, scene: string) =>
    api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene } }).then((r) => ({
      status: r.status,
      outcome: r.body.outcome as string,
      measures: ((r.body.measures ?? []) as Measure[]).map((m) => [m.code, m.effect, m.mappingId]),
    }));

  it('red (< 800) and yellow carriers get a joint on-site inspection; red gets no new business, yellow restricted; green is left alone', async () => {
    const [red, yellow, green] = [makeUscc(PINGDINGSHAN), makeUscc(PINGDINGSHAN), makeUscc(PINGDINGSHAN)];
    await registerSubjects(platform, [
      { kind: 'org', id: red, sectors: ['hazardous-goods'], region: PINGDINGSHAN },
      { kind: 'org', id: yellow, sectors: ['road-passenger'], region: PINGDINGSHAN },
      { kind: 'org', id: green, sectors: ['hazardous-goods', 'road-passenger'], region: PINGDINGSHAN },
    ]);
    const { period, day } = lastQuarter(chinaToday());
    // Red: 1000 − 5 × 50 = 750 < 800. Yellow: 1000 − 3 × 50 = 850 (800–<900). Green: 1000 − 10 = 990 ≥ 900.
    for (let i = 0; i < 5; i++) await submit(penalty(red, 'severe', day));
    for (let i = 0; i < 3; i++) await submit(penalty(yellow, 'severe', day));
    await submit(penalty(green, 'minor', day));
    await eventually(
      () => recordsHeld(platform, [red, yellow, green]),
      (n) => n === 9,
      30_000,
    );

    // 以季度为周期开展评价 (案例1): the provincial regulator closes last quarter.
    const { closed, ranked } = await closeCycle(platform, regulator, SCHEME, period, 60_000);
    expect(closed.body).toMatchObject({ schemeId: SCHEME, period, status: 'completed' });
    expect(ranked.get(red)).toMatchObject({ grade: 'red', score: 750 });
    expect(ranked.get(yellow)).toMatchObject({ grade: 'yellow', score: 850 });
    expect(ranked.get(green)).toMatchObject({ grade: 'green', score: 990 });

    // 对低于800分的企业联合安全、运管、执法部门开展入企检查 (the registry's sector is used: none is sent).
    const redVisit = await eventually(
      () => decide(red, 'inspection.frequency'),
      (r) => r.outcome === 'conditional',
      30_000,
    );
    expect(redVisit.measures).toEqual([['inspection.on-site', 'condition', 'pingdingshan.red.inspection.on-site']]);
    // 红码企业不办理新业务.
    expect(await decide(red, 'business.new-capacity')).toMatchObject({
      status: 200,
      outcome: 'deny',
      measures: [['new-business.denied', 'deny', 'pingdingshan.red.new-business.denied']],
    });

    // 黄码企业联合开展入企监管执法检查; 安全隐患没整改到位的情况下原则上不办理新业务 → restricted.
    const yellowVisit = await eventually(
      () => decide(yellow, 'inspection.frequency'),
      (r) => r.outcome === 'conditional',
      30_000,
    );
    expect(yellowVisit.measures).toEqual([['inspection.on-site', 'condition', 'pingdingshan.yellow.inspection.on-site']]);
    expect(await decide(yellow, 'business.new-capacity')).toMatchObject({
      outcome: 'conditional',
      measures: [['new-business.restricted', 'condition', 'pingdingshan.yellow.new-business.restricted']],
    });

    // 绿码企业无事不扰、减少检查督导频次; new business as usual.
    const greenVisit = await eventually(
      () => decide(green, 'inspection.frequency'),
      (r) => r.measures.length > 0,
      30_000,
    );
    expect(greenVisit).toMatchObject({ outcome: 'allow', measures: [['visits.exempt', 'benefit', 'pingdingshan.green.visits.exempt']] });
    expect(await decide(green, 'business.new-capacity')).toMatchObject({ outcome: 'allow', measures: [] });
  }, 240_000);
});
