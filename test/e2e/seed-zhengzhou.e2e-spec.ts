import { randomBytes } from 'node:crypto';
import { addMonths } from '@domain/calendar';
import { citizenIdCheckCharacter } from '@domain/identifiers';
import { chinaToday } from '@platform/testing';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

/**
 * Seed 002 案例9 (郑州市出租汽车“亮星”): taxi drivers are starred on their 服务质量信誉考核 score of the
 * year (1月1日至12月31日). Played through the gateway with Zhengzhou's clients: drivers registered as
 * taxi drivers through the registry API (qualifiedOn sets their tenure), records of this year in via
 * POST /api/v1/credit-records, stars out via GET /api/v1/subjects/{id}/evaluations.
 *
 * The expected stars are computed below from the seed's rule (DOMAIN.md §3 Taxi drivers), not copied
 * from the engine's output.
 */

/** 出租汽车驾驶员服务质量信誉考核基础分为20分 (seed 002 案例9). */
const BASE = 20;
/** Commendations add at most 10 points in a cycle (DOMAIN.md §3: "up to +10 bonus"). */
const BONUS_CEILING = 10;

/** Points a record moves the score by (DOMAIN.md §3: bonus for commendations, deductions 1/3/5/10/20). */
type Item = { bonus: number } | { deduction: number };

/** Score = base + capped bonus − deductions, never below 0 (DOMAIN.md §3). */
function scoreOf(items: readonly Item[]): number {
  const bonus = items.reduce((sum, i) => sum + ('bonus' in i ? i.bonus : 0), 0);
  const deductions = items.reduce((sum, i) => sum + ('deduction' in i ? i.deduction : 0), 0);
  return Math.max(0, BASE + Math.min(bonus, BONUS_CEILING) - deductions);
}

/**
 * Stars from the score, seed 002 案例9: 综合得分为25分及以上的 5颗星；20~24分 4颗星；11~19分 3颗星；
 * 4~10分 2颗星；1~3分 1颗星；0分及以下或被列入不良驾驶员名单的 无星 ('0').
 * 注册在岗时间少于6个月的驾驶员，星级等级最高评定为3颗星.
 */
function starsOf(score: number, tenureMonths: number): string {
  const byScore = score >= 25 ? 5 : score >= 20 ? 4 : score >= 11 ? 3 : score >= 4 ? 2 : score >= 1 ? 1 : 0;
  return String(tenureMonths < 6 ? Math.min(byScore, 3) : byScore);
}

describe('seed 002 案例9: Zhengzhou taxi drivers starred on their service-quality score', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let zhengzhouReader: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation']);
    // Zhengzhou's integrator writes the records; its read-only client (evaluations:read, same region) reads the stars.
    [zhengzhou, zhengzhouReader] = await Promise.all([platform.token('zhengzhou'), platform.token('zhengzhou-reader')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => zhengzhou,
  );

  const today = chinaToday();

  /** A valid citizen ID of someone born in 1990 and registered in Zhengzhou's Zhongyuan district (410102). */
  function driverId(): string {
    const first17 = `41010219900101${String(100 + (randomBytes(2).readUInt16BE() % 900))}`;
    return first17 + citizenIdCheckCharacter(first17);
  }

  const record = (driver: string, recordType: string, severity: string, payload: Record<string, unknown>) => ({
    recordType,
    subject: { kind: 'person', id: driver, name: '张师傅' },
    region: '410100',
    severity,
    decisionDate: today,
    documentNumber: `郑交${randomBytes(3).toString('hex')}`,
    payload,
  });

  /** What the test submits, with the points the seed/DOMAIN.md §3 give it. */
  type Submission = { body: (driver: string) => Record<string, unknown>; item: Item };

  // A provincial commendation: +5 (DOMAIN.md §3, the scheme's 省级及以上5分).
  const provincialCommendation: Submission = {
    body: (d) => record(d, 'commendation', 'minor', { title: '最美的哥', awardingBody: '河南省交通运输厅', level: 'provincial' }),
    item: { bonus: 5 },
  };
  // A city commendation: +2 (其他2分).
  const cityCommendation: Submission = {
    body: (d) => record(d, 'commendation', 'minor', { title: '最美的哥的姐', awardingBody: '郑州市交通运输局', level: 'city' }),
    item: { bonus: 2 },
  };
  // A confirmed complaint: minor −1, general −3 (deductions 1/3/5).
  const complaint = (severity: 'minor' | 'general', deduction: number): Submission => ({
    body: (d) =>
      record(d, 'confirmed-complaint', severity, {
        hotline: '12328',
        complaintNumber: `GD${randomBytes(4).toString('hex')}`,
        content: '乘客反映出租汽车在郑州东站拒载',
        confirmedBy: '郑州市交通运输综合行政执法支队',
      }),
    item: { deduction },
  });
  // A severe administrative penalty: −10.
  const severePenalty: Submission = {
    body: (d) =>
      record(d, 'administrative-penalty', 'severe', {
        facts: '巡游出租汽车驾驶员途中甩客、故意绕道行驶',
        penaltyCategories: ['fine'],
        penaltyBasis: '《巡游出租汽车经营服务管理规定》第四十九条',
        penaltyContent: '罚款人民币伍佰元',
        fineAmountFen: 50_000,
        authority: '郑州市交通运输局',
        authorityUscc: '11410100005252717P',
      }),
    item: { deduction: 10 },
  };
  // An accident with main responsibility (负同等及以上责任): −20.
  const responsibleAccident: Submission = {
    body: (d) =>
      record(d, 'accident', 'general', {
        occurredAt: `${today}T00:00:00+08:00`,
        location: '郑州市金水区花园路与农业路交叉口',
        accidentGrade: 'ordinary',
        responsibility: 'main',
        deaths: 0,
        injuries: 1,
        description: '驾驶出租汽车闯红灯与非机动车相撞',
        determinedBy: '郑州市公安局交通警察支队',
      }),
    item: { deduction: 20 },
  };

  const cases: { name: string; qualifiedMonthsAgo: number; submissions: Submission[] }[] = [
    // 20 + 5 + 2 = 27 ≥ 25 → 5★ (综合得分为25分及以上的，评定星级等级为5颗星).
    { name: 'commendations reaching 27 points → 5★', qualifiedMonthsAgo: 120, submissions: [provincialCommendation, cityCommendation] },
    // The same 27 points, but 注册在岗时间少于6个月的驾驶员，星级等级最高评定为3颗星 → 3★.
    { name: 'the same 27 points, qualified 3 months ago → at most 3★', qualifiedMonthsAgo: 3, submissions: [provincialCommendation, cityCommendation] },
    // 20 + 2 + 2 − 3 − 1 = 20 → 4★ (综合得分为20~24分的，星级等级为4颗星).
    {
      name: 'commendations and complaints netting the base 20 → 4★',
      qualifiedMonthsAgo: 120,
      submissions: [cityCommendation, cityCommendation, complaint('general', 3), complaint('minor', 1)],
    },
    // 20 − 20 − 10 = −10, never below 0 → 0 → no star (综合得分为0分及以下的，星级等级为无星).
    { name: 'deductions to 0 (floored, never below) → no star', qualifiedMonthsAgo: 120, submissions: [responsibleAccident, severePenalty] },
  ];

  it.each(cases)(
    '$name',
    async ({ qualifiedMonthsAgo, submissions }) => {
      const driver = driverId();
      await registerSubjects(platform, [
        { kind: 'person', id: driver, sectors: ['taxi'], region: '410100', qualifiedOn: addMonths(today, -qualifiedMonthsAgo) },
      ]);
      for (const s of submissions) {
        const created = await api('/api/v1/credit-records', { method: 'POST', body: s.body(driver) });
        expect({ status: created.status, code: created.body.code }).toEqual({ status: 201, code: undefined });
      }

      const score = scoreOf(submissions.map((s) => s.item));
      const grade = starsOf(score, qualifiedMonthsAgo);

      type Evaluation = { schemeId: string; grade: string; score: number; cycle: { label: string }; explanation: { items: unknown[] } };
      const stars = (r: { body: Body }) => ((r.body.evaluations ?? []) as Evaluation[]).find((e) => e.schemeId === 'zhengzhou-taxi-driver-stars');
      // Wait until evaluation has every record of this driver in the explanation, then read the stars.
      const graded = await eventually(
        () => api(`/api/v1/subjects/${driver}/evaluations`, { token: zhengzhouReader }),
        (r) => (stars(r)?.explanation.items.length ?? 0) >= submissions.length,
      );
      expect(graded.status).toBe(200);
      expect(stars(graded)).toMatchObject({ grade, score, cycle: { label: today.slice(0, 4) } });
    },
    60_000,
  );
});
