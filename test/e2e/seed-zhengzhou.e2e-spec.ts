import { randomBytes } from 'node:crypto';
import { addMonths } from '@domain/calendar';
import { chinaToday, daysAgo, makeCitizenId } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

/**
 * Seed 002 案例9 (郑州市出租汽车“亮星”): taxi drivers are starred on their 服务质量信誉考核 score of the
 * year (1月1日至12月31日). Played through the gateway with Zhengzhou's clients: drivers registered as
 * taxi drivers through the registry API (qualifiedOn sets their tenure), records of this year in via
 * POST /api/v1/credit-records, stars out via GET /api/v1/subjects/{id}/evaluations; a driver put on the
 * bad-driver list through the list API (proposal, 事前告知, decision); past yearly cycles closed by the
 * bureau's admin (zhengzhou-regulator) for the 5★ carry-over.
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
  let zhengzhouRegulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    // Zhengzhou's integrator writes the records and proposes list entries; its read-only client (evaluations:read, same
    // region) reads the stars; the bureau's admin closes the yearly cycles.
    [zhengzhou, zhengzhouReader, zhengzhouRegulator] = await Promise.all([
      platform.token('zhengzhou'),
      platform.token('zhengzhou-reader'),
      platform.token('zhengzhou-regulator'),
    ]);
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
    return makeCitizenId('410102');
  }

  const record = (driver: string, recordType: string, severity: string, payload: Record<string, unknown>, decisionDate = today) => ({
    recordType,
    subject: { kind: 'person', id: driver, name: '张师傅' },
    region: '410100',
    severity,
    decisionDate,
    documentNumber: `郑交${randomBytes(3).toString('hex')}`,
    payload,
  });

  /** What the test submits, with the points the seed/DOMAIN.md §3 give it. */
  type Submission = { body: (driver: string, decisionDate?: string) => Record<string, unknown>; item: Item };

  // A provincial commendation: +5 (DOMAIN.md §3, the scheme's 省级及以上5分).
  const provincialCommendation: Submission = {
    body: (d, on) => record(d, 'commendation', 'minor', { title: '最美的哥', awardingBody: '河南省交通运输厅', level: 'provincial' }, on),
    item: { bonus: 5 },
  };
  // A city commendation: +2 (其他2分).
  const cityCommendation: Submission = {
    body: (d, on) => record(d, 'commendation', 'minor', { title: '最美的哥的姐', awardingBody: '郑州市交通运输局', level: 'city' }, on),
    item: { bonus: 2 },
  };
  // A confirmed complaint: minor −1, general −3 (deductions 1/3/5).
  const complaint = (severity: 'minor' | 'general', deduction: number): Submission => ({
    body: (d, on) =>
      record(
        d,
        'confirmed-complaint',
        severity,
        {
          hotline: '12328',
          complaintNumber: `GD${randomBytes(4).toString('hex')}`,
          content: '乘客反映出租汽车在郑州东站拒载',
          confirmedBy: '郑州市交通运输综合行政执法支队',
        },
        on,
      ),
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

  type Evaluation = { schemeId: string; grade: string; score: number; cycle: { label: string }; explanation: { items: unknown[] } };
  const SCHEME = 'zhengzhou-taxi-driver-stars';
  const starsIn = (r: { body: Body }) => ((r.body.evaluations ?? []) as Evaluation[]).find((e) => e.schemeId === SCHEME);

  it('a driver put on the bad-driver list has no star, whatever the score (被列入不良驾驶员名单的，星级等级为无星)', async () => {
    const driver = driverId();
    await registerSubjects(platform, [{ kind: 'person', id: driver, sectors: ['taxi'], region: '410100', qualifiedOn: addMonths(today, -120) }]);
    const created = await api('/api/v1/credit-records', { method: 'POST', body: severePenalty.body(driver) });
    expect(created.status).toBe(201);
    const penaltyId = created.body.id as string;

    // Before the list: 20 − 10 = 10 → 2★ (综合得分为4~10分的，星级等级为2颗星).
    const score = scoreOf([severePenalty.item]);
    expect([score, starsOf(score, 120)]).toEqual([10, '2']);
    const before = await eventually(
      () => api(`/api/v1/subjects/${driver}/evaluations`, { token: zhengzhouReader }),
      (r) => starsIn(r)?.score === score,
    );
    expect(starsIn(before)).toMatchObject({ grade: '2', score: 10 });

    // The bureau puts the driver on the bad-driver list: proposal, prior notice (事前告知), decision.
    await eventually(
      () => platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM joint_measures.subject_records WHERE subject_id = $1`, [driver]),
      (rows) => rows[0]!.n === 1,
    );
    const proposed = await api('/api/v1/lists/bad-driver/entries', {
      method: 'POST',
      body: { subjectId: driver, basisRecordIds: [penaltyId], grounds: '途中甩客、故意绕道行驶，情节严重' },
    });
    expect(proposed).toMatchObject({ status: 201, body: { status: 'proposed', listType: 'bad-driver' } });
    // The notice period has run out (moved in the data; the clock is the real one).
    await platform.db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = $2 WHERE id = $1`, [proposed.body.id, daysAgo(1)]);
    const confirmed = await api(`/api/v1/list-entries/${proposed.body.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'confirm', documentNumber: `郑交信〔${today.slice(0, 4)}〕${randomBytes(2).toString('hex')}号` },
    });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'effective', inForce: true } });

    // On the list: no star ('0'), though the score stays 10.
    const listed = await eventually(
      () => api(`/api/v1/subjects/${driver}/evaluations`, { token: zhengzhouReader }),
      (r) => starsIn(r)?.grade === '0',
    );
    expect(starsIn(listed)).toMatchObject({ grade: '0', score: 10, cycle: { label: today.slice(0, 4) } });
  }, 90_000);

  it('a driver 5★ in a closed cycle starts the next at 5★; a deduction in it lowers the stars; 4★ carries nothing', async () => {
    // 在上一个服务质量信誉考核周期内评定星级为5颗星的驾驶员，本周期星级评定为5颗星（在本周期内如遇服务质量问题可降级）.
    // Played on two closed cycles (the year before last, then last year), then live in this year. The records of
    // past years arrive now: the carry-over reads the grade the previous cycle's close gave (docs/evaluation.md).
    const year = Number(today.slice(0, 4));
    const [earlier, lastYear] = [String(year - 2), String(year - 1)];
    const drivers = {
      // Earlier 20 + 5 + 2 = 27 → 5★; last year no record → 20, by score 4★, carried over → 5★.
      carried: { id: driverId(), earlier: [provincialCommendation, cityCommendation], last: [] as Submission[] },
      // Earlier 27 → 5★; last year a general complaint −3 → 17: a service-quality problem (如遇服务质量问题可降级; the
      // scheme's notes read it as "the 5★ floor holds while nothing is deducted"), so by score → 3★.
      dropped: { id: driverId(), earlier: [provincialCommendation, cityCommendation], last: [complaint('general', 3)] },
      // Earlier 20 + 2 = 22 → 4★; last year no record → 20 → 4★ (only 5★ carries over).
      fourStars: { id: driverId(), earlier: [cityCommendation], last: [] as Submission[] },
    };
    const all = Object.values(drivers);
    await registerSubjects(
      platform,
      all.map((d) => ({ kind: 'person' as const, id: d.id, sectors: ['taxi'], region: '410100', qualifiedOn: addMonths(today, -120) })),
    );
    let count = 0;
    for (const d of all) {
      for (const [cycle, submissions] of [
        [earlier, d.earlier],
        [lastYear, d.last],
      ] as const) {
        for (const s of submissions) {
          const created = await api('/api/v1/credit-records', { method: 'POST', body: s.body(d.id, `${cycle}-06-15`) });
          expect({ status: created.status, code: created.body.code }).toEqual({ status: 201, code: undefined });
          count += 1;
        }
      }
    }
    await eventually(
      () =>
        recordsHeld(
          platform,
          all.map((d) => d.id),
        ),
      (n) => n === count,
      30_000,
    );

    // Live before any close: last year's records arrived after it ended and it is not closed, so nothing carries
    // over yet: 20 with no record this year → 4★ (综合得分为20~24分的，星级等级为4颗星).
    const liveNow = (subject: string, until: (stars: ReturnType<typeof starsIn>) => boolean) =>
      eventually(
        () => api(`/api/v1/subjects/${subject}/evaluations`, { token: zhengzhouReader }),
        (r) => until(starsIn(r)),
      ).then(starsIn);
    expect(await liveNow(drivers.carried.id, (s) => s?.cycle.label === today.slice(0, 4))).toMatchObject({ grade: '4', score: 20 });

    const first = await closeCycle(platform, zhengzhouRegulator, SCHEME, earlier);
    for (const d of all) {
      const score = scoreOf(d.earlier.map((s) => s.item));
      expect(first.ranked.get(d.id)).toMatchObject({ grade: starsOf(score, 120), score });
    }
    expect(first.ranked.get(drivers.carried.id)?.grade).toBe('5');

    const second = await closeCycle(platform, zhengzhouRegulator, SCHEME, lastYear);
    // Carried: 20 by score is 4★; 5★ the cycle before and nothing deducted → 5★.
    expect([scoreOf([]), starsOf(scoreOf([]), 120)]).toEqual([20, '4']);
    expect(second.ranked.get(drivers.carried.id)).toMatchObject({ grade: '5', score: 20 });
    // Dropped: 20 − 3 = 17 → 3★ (综合得分为11~19分的，星级等级为3颗星).
    const dropped = scoreOf(drivers.dropped.last.map((s) => s.item));
    expect(second.ranked.get(drivers.dropped.id)).toMatchObject({ grade: starsOf(dropped, 120), score: dropped });
    expect(starsOf(dropped, 120)).toBe('3');
    // Four stars before: no carry-over, 20 → 4★.
    expect(second.ranked.get(drivers.fourStars.id)).toMatchObject({ grade: '4', score: 20 });

    // Right after last year's close, with no new record: the close regrades the live standing of the subjects it
    // graded (docs/evaluation.md "Carry-over"), so the carried driver already stands at 5★ this year on 20 points.
    expect(await liveNow(drivers.carried.id, (s) => s?.grade === '5')).toMatchObject({
      grade: '5',
      score: 20,
      cycle: { label: today.slice(0, 4) },
      explanation: { items: [] },
    });

    // This year, live: the carried driver was 5★ in last year's close, so starts this year at 5★. A city
    // commendation: 20 + 2 = 22, by score 4★ → 5★ carried over. Then a minor complaint (−1): 21 → 4★, the drop.
    const carried = drivers.carried.id;
    const liveStars = (explained: number) =>
      eventually(
        () => api(`/api/v1/subjects/${carried}/evaluations`, { token: zhengzhouReader }),
        (r) => starsIn(r)?.cycle.label === today.slice(0, 4) && (starsIn(r)?.explanation.items.length ?? 0) >= explained,
      ).then(starsIn);
    const commended = await api('/api/v1/credit-records', { method: 'POST', body: cityCommendation.body(carried) });
    expect(commended.status).toBe(201);
    const withBonus = scoreOf([cityCommendation.item]);
    expect([withBonus, starsOf(withBonus, 120)]).toEqual([22, '4']);
    expect(await liveStars(1)).toMatchObject({ grade: '5', score: withBonus });
    const complained = await api('/api/v1/credit-records', { method: 'POST', body: complaint('minor', 1).body(carried) });
    expect(complained.status).toBe(201);
    const afterComplaint = scoreOf([cityCommendation.item, complaint('minor', 1).item]);
    expect(await liveStars(2)).toMatchObject({ grade: starsOf(afterComplaint, 120), score: afterComplaint });
    expect(starsOf(afterComplaint, 120)).toBe('4');
  }, 120_000);
});
