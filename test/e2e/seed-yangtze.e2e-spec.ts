import { daysAgo } from '@platform/testing';
import { closeCycle } from '../support/evaluation-cycles';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { authorityUscc, makeVesselId, vesselScenario } from '../support/vessels';

/*
 * Seed 004 案例19 (信用长江): deduction behaviours from 安全生产事故、行政检查、行政处罚、三峡通航管理,
 * bonus behaviours from 安全监管、运输经营、绿色发展、荣誉表彰; green/blue/yellow/red codes; green
 * ships get tank-cleaning priority (南京龙潭洗舱站) and 诚信过闸; red ones are picked for checks
 * (精准选船). Played through the gateway with the Changjiang bureau's client: ships registered,
 * records in, the rolling year closed, decisions asked, and each code read as a Henan code through
 * the shipped recognition table.
 *
 * Points follow yangtze-shipping-four-colour (placeholders): base 100; provincial honour +10;
 * penalty −2/−5/−20; responsible accident −15, severe −30; detention −10; green ≥ 105,
 * blue 90–<105, yellow 70–<90, red < 70.
 */
describe('seed 004 案例19: 信用长江 four-colour codes and their 信用+ scenes', () => {
  let platform: RunningPlatform;
  let yangtze: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [yangtze, regulator] = await Promise.all([platform.token('yangtze'), platform.token('yangtze-regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const water = vesselScenario(
    () => platform,
    () => yangtze,
  );
  const decided = daysAgo(30);
  const at = `${decided}T09:00:00+08:00`;
  const WUHAN = '420100';
  const maritime = { authority: '长江武汉海事局', authorityUscc: authorityUscc(WUHAN) };
  const penalty = (severity: string) => ({
    recordType: 'administrative-penalty',
    severity,
    decisionDate: decided,
    payload: {
      facts: '船舶未按规定进行航行、停泊、作业',
      penaltyCategories: ['warning'],
      penaltyBasis: '《中华人民共和国内河交通安全管理条例》',
      penaltyContent: '警告',
      ...maritime,
    },
  });

  it('codes ships green/blue/yellow/red and the green one gets tank cleaning and lock priority, the red one a check', async () => {
    const ships = [
      {
        // 100 + 10 (provincial honour, 荣誉表彰) = 110: green.
        vessel: { id: makeVesselId(), name: '长航货运001', region: WUHAN },
        records: [
          {
            recordType: 'commendation',
            severity: 'minor',
            decisionDate: decided,
            payload: { title: '长江航运诚信船舶', awardingBody: '湖北省交通运输厅', level: 'provincial' },
          },
        ],
        grade: 'green',
        score: 110,
      },
      // 100 − 5 (general penalty) = 95: blue.
      { vessel: { id: makeVesselId(), name: '长航货运002', region: WUHAN }, records: [penalty('general')], grade: 'blue', score: 95 },
      // 100 − 20 (severe penalty) = 80: yellow.
      { vessel: { id: makeVesselId(), name: '长航货运003', region: WUHAN }, records: [penalty('severe')], grade: 'yellow', score: 80 },
      {
        // 100 − 30 (severe responsible accident) − 10 (detained at inspection) = 60: red.
        vessel: { id: makeVesselId(), name: '长航货运004', region: WUHAN },
        records: [
          {
            recordType: 'accident',
            severity: 'severe',
            decisionDate: decided,
            payload: {
              occurredAt: at,
              location: '长江武汉段',
              responsibility: 'main',
              deaths: 0,
              injuries: 2,
              description: '两船碰撞',
              determinedBy: '长江武汉海事局',
            },
          },
          {
            recordType: 'ship-safety-inspection',
            severity: 'general',
            decisionDate: decided,
            payload: { inspectedAt: at, defects: 7, detained: true, authority: maritime.authority },
          },
        ],
        grade: 'red',
        score: 60,
      },
    ];
    await water.register(ships.map((s) => s.vessel));
    for (const ship of ships) {
      for (const record of ship.records) expect((await water.submit(ship.vessel, record)).status).toBe(201);
      expect(await water.liveGrade(ship.vessel.id, 'yangtze-shipping-four-colour', ship.score)).toEqual({ grade: ship.grade, score: ship.score });
    }

    const { closed, ranked } = await closeCycle(platform, regulator, 'yangtze-shipping-four-colour', daysAgo(1));
    expect(closed.body).toMatchObject({ status: 'completed', total: 4, distribution: { green: 1, blue: 1, yellow: 1, red: 1 } });
    for (const ship of ships) expect(ranked.get(ship.vessel.id)).toMatchObject({ grade: ship.grade, score: ship.score });

    const decide = (subjectId: string, scene: string) => water.api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene } });
    const [green, blue, , red] = ships;
    const cleaning = await eventually(
      () => decide(green.vessel.id, 'incentive.discount'),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(cleaning.body).toMatchObject({ outcome: 'allow', measures: [{ code: 'tank-cleaning.priority', mappingId: 'yangtze.green.tank-cleaning' }] });
    expect((await decide(green.vessel.id, 'dispatch.priority')).body).toMatchObject({
      measures: [{ code: 'lock-passage.priority', mappingId: 'yangtze.green.lock-priority' }],
    });
    const check = await eventually(
      () => decide(red.vessel.id, 'inspection.frequency'),
      (r) => ((r.body.measures ?? []) as unknown[]).length > 0,
    );
    expect(check.body).toMatchObject({ outcome: 'conditional', measures: [{ code: 'vessel.on-board-check', mappingId: 'yangtze.red.on-board-check' }] });
    await eventually(
      () => platform.db.query(`SELECT 1 FROM joint_measures.subject_grades WHERE subject_id = $1`, [blue.vessel.id]),
      (rows) => rows.length > 0,
    );
    expect((await decide(blue.vessel.id, 'incentive.discount')).body).toMatchObject({ outcome: 'allow', measures: [] });

    // Each code as Henan reads it (shipped table yangtze-four-colour-to-henan-codes; blue → green is its LOCAL choice).
    const henan = gatewayApi<Record<string, unknown>>(
      () => platform,
      () => yangtze,
    );
    const read = async (grade: string) =>
      (await henan(`/api/v1/grade-recognitions/yangtze-four-colour-to-henan-codes/recognitions`, { method: 'POST', body: { grade } })).body;
    expect(await Promise.all(ships.map((s) => read(s.grade)))).toEqual([
      expect.objectContaining({ partnerGrade: 'green', ourSchemeId: 'henan-passenger-hazardous-codes', ourGrade: 'green' }),
      expect.objectContaining({ partnerGrade: 'blue', ourGrade: 'green' }),
      expect.objectContaining({ partnerGrade: 'yellow', ourGrade: 'yellow' }),
      expect.objectContaining({ partnerGrade: 'red', ourGrade: 'red' }),
    ]);
  }, 180_000);
});
