import { chinaToday, daysAgo } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { makeVesselId, vesselScenario } from '../support/vessels';

/*
 * Seed 004 案例13 (广西《长洲船闸过闸船舶积分管理办法（试行）》): every ship starts at 400 points; a
 * safe passage within the standard time earns points, 瞒报吃水 and 遮挡船名 cost points; three star
 * levels; a three-star ship may redeem 20 points for 60 queue places. Played through the gateway
 * with Guangxi's client: vessels registered, last year's lock passages in, the year closed, and the
 * lock dispatch decision asked.
 *
 * Points follow guangxi-changzhou-lock-points: the 400 base is the seed's; +5 per safe passage,
 * −20 瞒报吃水, −10 遮挡船名 and the bands 3★ ≥ 420, 2★ 400–<420, 1★ < 400 are placeholders.
 */
describe('seed 004 案例13: Guangxi lock points — three-star ships jump the Changzhou queue', () => {
  let platform: RunningPlatform;
  let guangxi: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [guangxi, regulator] = await Promise.all([platform.token('guangxi'), platform.token('guangxi-regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const water = vesselScenario(
    () => platform,
    () => guangxi,
  );
  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
  const WUZHOU = '450400';
  const passage = (day: number | string, actualMinutes: number, violations: string[] = []) => {
    const date = typeof day === 'string' ? day : `${lastYear}-06-${String(day).padStart(2, '0')}`;
    return {
      recordType: 'lock-passage',
      severity: violations.length > 0 ? 'general' : 'minor',
      decisionDate: date,
      payload: {
        lockName: '长洲船闸',
        passedAt: `${date}T08:00:00+08:00`,
        standardMinutes: 90,
        actualMinutes,
        violations,
        dispatchCentre: '西江船闸调度中心',
      },
    };
  };

  it('scores last year’s passages from the 400 base and lets only the three-star ship redeem points for queue places', async () => {
    const ships = [
      // 400 + 4 × 5 (four safe passages within 90 minutes) = 420: three stars.
      {
        vessel: { id: makeVesselId(), name: '桂梧州货1001', region: WUZHOU },
        passages: [passage(1, 75), passage(5, 80), passage(9, 90), passage(13, 60)],
        grade: '3',
        score: 420,
      },
      // 400 + 5 (one safe passage) + 0 (one over the standard time) = 405: two stars.
      { vessel: { id: makeVesselId(), name: '桂梧州货1002', region: WUZHOU }, passages: [passage(2, 85), passage(6, 120)], grade: '2', score: 405 },
      // 400 − 20 (瞒报吃水) − 10 (遮挡船名) = 370: one star.
      {
        vessel: { id: makeVesselId(), name: '桂梧州货1003', region: WUZHOU },
        passages: [passage(3, 70, ['false-draught', 'name-obscured'])],
        grade: '1',
        score: 370,
      },
    ];
    await water.register(ships.map((s) => s.vessel));
    for (const ship of ships) for (const record of ship.passages) expect((await water.submit(ship.vessel, record)).status).toBe(201);
    // Last year's passages: once evaluation holds all seven, the regulator closes last year.
    expect(
      await eventually(
        () =>
          recordsHeld(
            platform,
            ships.map((s) => s.vessel.id),
          ),
        (n) => n === 7,
      ),
    ).toBe(7);

    const { closed, ranked } = await closeCycle(platform, regulator, 'guangxi-changzhou-lock-points', lastYear);
    expect(closed.body).toMatchObject({
      schemeId: 'guangxi-changzhou-lock-points',
      period: lastYear,
      status: 'completed',
      total: 3,
      distribution: { '3': 1, '2': 1, '1': 1 },
    });
    for (const ship of ships) expect(ranked.get(ship.vessel.id)).toMatchObject({ grade: ship.grade, score: ship.score });

    const decide = (subjectId: string) => water.api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene: 'dispatch.priority' } });
    const [three, two, one] = ships;
    const jump = await eventually(
      () => decide(three.vessel.id),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(jump.body).toMatchObject({
      outcome: 'allow',
      region: '450000',
      measures: [{ code: 'lock-queue.jump', mappingId: 'guangxi.lock.queue-jump', value: { amount: 60, unit: 'queue places per 20 points' } }],
      reasons: [{ kind: 'grade', schemeId: 'guangxi-changzhou-lock-points', cycle: lastYear, grade: '3' }],
    });
    await eventually(
      () =>
        platform.db.query(`SELECT 1 FROM joint_measures.subject_grades WHERE subject_id = ANY($1) AND scheme_id = 'guangxi-changzhou-lock-points'`, [
          [two.vessel.id, one.vessel.id],
        ]),
      (rows) => rows.length === 2,
    );
    for (const ship of [two, one]) expect((await decide(ship.vessel.id)).body).toMatchObject({ outcome: 'allow', measures: [] });
  }, 180_000);

  it('takes a redemption with the passage (every 20 points, 60 places) and refuses 30 points with the field named', async () => {
    const vessel = { id: makeVesselId(), name: '桂梧州货1004', region: WUZHOU };
    await water.register([vessel]);
    // This year's passage: the live grade is the current year's (the cycle of the scheme).
    const redeemed = passage(daysAgo(3), 70);
    const refused = await water.submit(vessel, { ...redeemed, payload: { ...redeemed.payload, pointsRedeemed: 30, queuePlacesJumped: 90 } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'RECORD.INVALID' });
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'payload.pointsRedeemed', code: 'SCHEMA_MULTIPLEOF' })]);
    expect((await water.submit(vessel, { ...redeemed, payload: { ...redeemed.payload, pointsRedeemed: 20, queuePlacesJumped: 60 } })).status).toBe(201);
    // 400 + 5 (safe passage) − 20 (redeemed) = 385.
    expect(await water.liveGrade(vessel.id, 'guangxi-changzhou-lock-points', 385)).toEqual({ grade: '1', score: 385 });
  }, 60_000);
});
