import { daysAgo } from '@platform/testing';
import { closeCycle } from '../support/evaluation-cycles';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { authorityUscc, makeVesselId, vesselScenario } from '../support/vessels';

/*
 * Seed 004 案例6 (浙江内河运输船舶分级分类动态监管): ships graded AA/A/B/C/D in real time on seven
 * categories of indicators; high grades rewarded in 过闸调度, low grades restricted in 过闸申报 and
 * checked on board (实船核查). Played through the gateway with Zhejiang's client: vessels
 * registered, inspections, pollutant deliveries, commendations and penalties in, the live grade
 * read, the rolling window closed, and the lock and inspection decisions asked.
 *
 * Points follow zhejiang-inland-ship-safety (placeholder steps, periods and bands, shipped-schemes.ts):
 * base 100; 正向激励 provincial +10, 绿水积分 above baseline +2, clean inspection +2, general
 * violation −10, severe violation −25, detention −15, invalid certificate −25;
 * AA ≥ 105, A 95–<105, B 85–<95, C 70–<85, D < 70.
 */
describe('seed 004 案例6: Zhejiang inland ships graded AA–D, rewarded or restricted at the lock', () => {
  let platform: RunningPlatform;
  let zhejiang: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [zhejiang, regulator] = await Promise.all([platform.token('zhejiang'), platform.token('zhejiang-regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const water = vesselScenario(
    () => platform,
    () => zhejiang,
  );
  const decided = daysAgo(40);
  const at = `${decided}T10:00:00+08:00`;
  const JIAXING = '330400';
  const maritime = { authority: '嘉兴市地方海事处', authorityUscc: authorityUscc(JIAXING) };
  const inspection = (defects: number, detained: boolean, certificatesInvalid = false) => ({
    recordType: 'ship-safety-inspection',
    severity: detained ? 'general' : 'minor',
    decisionDate: decided,
    payload: { inspectedAt: at, defects, detained, certificatesInvalid, authority: maritime.authority },
  });
  const penalty = (severity: string) => ({
    recordType: 'administrative-penalty',
    severity,
    decisionDate: decided,
    payload: {
      facts: '内河船舶未按规定配备船员',
      penaltyCategories: ['warning'],
      penaltyBasis: '《内河交通安全管理条例》',
      penaltyContent: '警告',
      ...maritime,
    },
  });

  it('grades each ship from its findings, then gives AA lock priority and restricts and checks D', async () => {
    const ships = [
      {
        // 100 + 10 (provincial commendation) + 2 (pollutants above the baseline) = 112: AA.
        vessel: { id: makeVesselId(), name: '浙嘉兴货01', region: JIAXING },
        records: [
          {
            recordType: 'commendation',
            severity: 'minor',
            decisionDate: decided,
            payload: { title: '浙江省平安船舶', awardingBody: '浙江省交通运输厅', level: 'provincial' },
          },
          {
            recordType: 'pollutant-delivery',
            severity: 'minor',
            decisionDate: decided,
            payload: { deliveredAt: at, pollutant: 'sewage', quantityLitres: 600, baseline: 'above', receivedBy: '嘉兴水上绿色服务区' },
          },
        ],
        grade: 'AA',
        score: 112,
      },
      // 100 + 2 (clean inspection) = 102: A.
      { vessel: { id: makeVesselId(), name: '浙嘉兴货02', region: JIAXING }, records: [inspection(0, false)], grade: 'A', score: 102 },
      // 100 − 10 (general violation) = 90: B.
      { vessel: { id: makeVesselId(), name: '浙嘉兴货03', region: JIAXING }, records: [penalty('general')], grade: 'B', score: 90 },
      // 100 − 25 (severe violation) = 75: C.
      { vessel: { id: makeVesselId(), name: '浙嘉兴货04', region: JIAXING }, records: [penalty('severe')], grade: 'C', score: 75 },
      // 100 − 15 (detained) − 25 (certificate invalid, 基本资质) = 60: D.
      { vessel: { id: makeVesselId(), name: '浙嘉兴货05', region: JIAXING }, records: [inspection(6, true, true)], grade: 'D', score: 60 },
    ];
    await water.register(ships.map((s) => s.vessel));
    for (const ship of ships) {
      for (const record of ship.records) {
        const created = await water.submit(ship.vessel, record);
        expect({ ship: ship.vessel.name, status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({
          ship: ship.vessel.name,
          status: 201,
          body: undefined,
        });
      }
      // 实时动态评定: the live grade is there before any cycle closes.
      expect(await water.liveGrade(ship.vessel.id, 'zhejiang-inland-ship-safety', ship.score)).toEqual({ grade: ship.grade, score: ship.score });
    }

    const { closed, ranked } = await closeCycle(platform, regulator, 'zhejiang-inland-ship-safety', daysAgo(1));
    expect(closed.body).toMatchObject({
      schemeId: 'zhejiang-inland-ship-safety',
      status: 'completed',
      total: 5,
      distribution: { AA: 1, A: 1, B: 1, C: 1, D: 1 },
    });
    for (const ship of ships) expect(ranked.get(ship.vessel.id)).toMatchObject({ grade: ship.grade, score: ship.score });

    const decide = (subjectId: string, scene: string) => water.api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene } });
    const [aa, , b, , d] = ships;
    const priority = await eventually(
      () => decide(aa.vessel.id, 'dispatch.priority'),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(priority.body).toMatchObject({
      outcome: 'allow',
      measures: [{ code: 'lock-passage.priority', mappingId: 'zhejiang.ship.lock-priority' }],
      reasons: [{ kind: 'grade', schemeId: 'zhejiang-inland-ship-safety', grade: 'AA' }],
    });
    const restricted = await eventually(
      () => decide(d.vessel.id, 'dispatch.priority'),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(restricted.body).toMatchObject({
      outcome: 'conditional',
      measures: [{ code: 'lock-passage.restricted', mappingId: 'zhejiang.ship.lock-restricted' }],
    });
    expect((await decide(d.vessel.id, 'inspection.frequency')).body).toMatchObject({
      measures: [{ code: 'vessel.on-board-check', mappingId: 'zhejiang.ship.on-board-check' }],
    });
    // B is neither 等级高 nor 等级低: no measure once joint measures holds its grade.
    await eventually(
      () =>
        platform.db.query<{ grade: string }>(
          `SELECT grade FROM joint_measures.subject_grades WHERE subject_id = $1 AND scheme_id = 'zhejiang-inland-ship-safety'`,
          [b.vessel.id],
        ),
      (rows) => rows.length > 0,
    );
    expect((await decide(b.vessel.id, 'dispatch.priority')).body).toMatchObject({ outcome: 'allow', measures: [] });
  }, 180_000);
});
