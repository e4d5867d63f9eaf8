import { randomBytes } from 'node:crypto';
import { citizenIdCheckCharacter } from '@domain/identifiers';
import { chinaToday } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

const SCHEME = 'luohe-bus-captain-stars';
const LUOHE = '411100';

/** The month before `today` (YYYY-MM-DD): its label and a day in it. */
function lastMonth(today: string): { period: string; day: string } {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const period = `${y}-${String(m).padStart(2, '0')}`;
  return { period, day: `${period}-15` };
}

/**
 * Issue 17, seed 002 案例2 (漯河“信用+公交”): 漯河公交全员实施车长星级评审 … 根据考核分值确定当月星级。星级共分为
 * 1-5星，分别奖励奖金300元、700元、1200元、1800元、2500元; 每周之星 (拾金不昧…) 给予加分. Played through the
 * gateway with Luohe's client: bus captains registered, last month's records in, last month's
 * cycle closed, then the star bonus (scene incentive.reward).
 *
 * Points are the scheme's placeholders (its notes): base 90, weekly star +5, general complaint −5,
 * severe penalty −20; 5★ ≥ 95, 3★ 80–<90, below 60 no star.
 */
describe('seed 002 案例2: Luohe bus captains’ monthly stars → star bonus', () => {
  let platform: RunningPlatform;
  let luohe: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [luohe, regulator] = await Promise.all([platform.token('luohe'), platform.token('regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => luohe,
  );

  /** A valid citizen ID of someone born in 1985 and registered in Luohe's Yuanhui district (411102). */
  function captainId(): string {
    const first17 = `41110219850101${String(100 + (randomBytes(2).readUInt16BE() % 900))}`;
    return first17 + citizenIdCheckCharacter(first17);
  }

  const { period, day } = lastMonth(chinaToday());
  const record = (captain: string, recordType: string, severity: string, payload: Record<string, unknown>) => ({
    recordType,
    subject: { kind: 'person', id: captain, name: '王车长' },
    region: LUOHE,
    severity,
    decisionDate: day,
    documentNumber: `漯交${randomBytes(3).toString('hex')}`,
    payload,
  });
  const weeklyStar = (captain: string) =>
    record(captain, 'commendation', 'minor', { title: '每周之星（拾金不昧）', awardingBody: '漯河市公交集团', level: 'city' });
  const complaint = (captain: string) =>
    record(captain, 'confirmed-complaint', 'general', {
      hotline: '12328',
      complaintNumber: `GD${randomBytes(4).toString('hex')}`,
      content: '乘客反映公交车到站未停靠',
      confirmedBy: '漯河市交通运输局',
    });
  const penalty = (captain: string) =>
    record(captain, 'administrative-penalty', 'severe', {
      facts: '公交车辆闯红灯',
      penaltyCategories: ['fine'],
      penaltyBasis: '《中华人民共和国道路交通安全法》第九十条',
      penaltyContent: '罚款人民币贰佰元',
      fineAmountFen: 20_000,
      authority: '漯河市公安局交通管理支队',
      authorityUscc: '11411100MB1575112N',
    });

  type Measure = { code: string; effect: string; mappingId: string; value?: { amount: number; unit: string } };
  const bonus = (captain: string) =>
    api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: captain, scene: 'incentive.reward' } }).then((r) => ({
      status: r.status,
      outcome: r.body.outcome as string,
      measures: ((r.body.measures ?? []) as Measure[]).map((m) => [m.code, m.mappingId, m.value?.amount]),
    }));

  it('a weekly star makes 5★ (2500 元), a confirmed complaint 3★ (1200 元), two severe penalties no star and no bonus', async () => {
    const [five, three, none] = [captainId(), captainId(), captainId()];
    await registerSubjects(
      platform,
      [five, three, none].map((id) => ({ kind: 'person' as const, id, sectors: ['bus'], region: LUOHE, qualifiedOn: '2015-01-01' })),
    );
    // 90 + 5 = 95 → 5★; 90 − 5 = 85 → 3★; 90 − 2 × 20 = 50 → no star.
    for (const body of [weeklyStar(five), complaint(three), penalty(none), penalty(none)]) {
      expect((await api('/api/v1/credit-records', { method: 'POST', body })).status).toBe(201);
    }
    await eventually(
      () => recordsHeld(platform, [five, three, none]),
      (n) => n === 4,
      30_000,
    );

    // 根据考核分值确定当月星级: last month's cycle is closed.
    const { closed, ranked } = await closeCycle(platform, regulator, SCHEME, period, 60_000);
    expect(closed.body).toMatchObject({ schemeId: SCHEME, period, status: 'completed' });
    expect(ranked.get(five)).toMatchObject({ grade: '5', score: 95 });
    expect(ranked.get(three)).toMatchObject({ grade: '3', score: 85 });
    expect(ranked.get(none)).toMatchObject({ grade: '0', score: 50 });

    // 5星奖励奖金2500元, 3星1200元 (benefits: the answer stays allow).
    const top = await eventually(
      () => bonus(five),
      (r) => r.measures.length > 0,
      30_000,
    );
    expect(top).toMatchObject({ status: 200, outcome: 'allow', measures: [['star-bonus', 'luohe.bus.star-bonus.5-star', 2500]] });
    const middle = await eventually(
      () => bonus(three),
      (r) => r.measures.length > 0,
      30_000,
    );
    expect(middle.measures).toEqual([['star-bonus', 'luohe.bus.star-bonus.3-star', 1200]]);
    // Below 1★ (the seed's stars are 1–5): no bonus.
    expect(await bonus(none)).toMatchObject({ status: 200, outcome: 'allow', measures: [] });
    // A captain asked about as a taxi driver contradicts the registry (ADR 0055).
    const wrongSector = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: five, scene: 'incentive.reward', sector: 'taxi' } });
    expect(wrongSector.status).toBe(422);
    expect(wrongSector.body).toMatchObject({ code: 'DECISION.SECTOR_CONTRADICTS_REGISTRY', errors: [expect.objectContaining({ field: 'sector' })] });
  }, 240_000);
});
