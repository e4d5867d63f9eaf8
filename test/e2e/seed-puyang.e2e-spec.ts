import { randomBytes } from 'node:crypto';
import { chinaToday } from '@platform/testing';
import { closeCycle, recordsHeld } from '../support/evaluation-cycles';
import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

const SCHEME = 'puyang-taxi-firm';
const PUYANG = '410900';

/**
 * Issue 17, seed 002 案例10 (濮阳“信用+出租车”): 落实《出租汽车服务质量信誉考核办法》…对巡游出租车公司进行考核;
 * 将出租汽车企业服务质量信誉考核结果作为配置巡游车经营权指标…的重要依据，使优良企业不断扩大规模. Played through the
 * gateway with Puyang's client: taxi firms registered, last year's records in, last year's cycle
 * closed, then the new-capacity decision.
 *
 * Points and bands are the scheme's placeholders (its notes): base 1000, general complaint −10,
 * severe penalty −100, general monitoring violation −10; AAA ≥ 850, B < 600; 优良 = AAA, AA.
 */
describe('seed 002 案例10: Puyang taxi firm grades → operating rights for good firms', () => {
  let platform: RunningPlatform;
  let puyang: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [puyang, regulator] = await Promise.all([platform.token('puyang'), platform.token('regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  type Body = Record<string, unknown> & { code?: string };
  const api = gatewayApi<Body>(
    () => platform,
    () => puyang,
  );

  const lastYear = String(Number(chinaToday().slice(0, 4)) - 1);
  const record = (firm: string, recordType: string, severity: string, payload: Record<string, unknown>) => ({
    recordType,
    subject: { kind: 'org', id: firm, name: '濮阳某出租汽车有限公司' },
    region: PUYANG,
    severity,
    decisionDate: `${lastYear}-06-15`,
    documentNumber: `濮交${randomBytes(3).toString('hex')}`,
    payload,
  });
  const complaint = (firm: string) =>
    record(firm, 'confirmed-complaint', 'general', {
      hotline: '12345',
      complaintNumber: `GD${randomBytes(4).toString('hex')}`,
      content: '乘客反映出租车绕道',
      confirmedBy: '濮阳市交通运输局',
    });
  const penalty = (firm: string) =>
    record(firm, 'administrative-penalty', 'severe', {
      facts: '未按规定对驾驶员进行服务质量信誉考核',
      penaltyCategories: ['fine'],
      penaltyBasis: '《巡游出租汽车经营服务管理规定》第四十八条',
      penaltyContent: '罚款人民币伍仟元',
      fineAmountFen: 500_000,
      authority: '濮阳市交通运输局',
      authorityUscc: '11410900MB1575112N',
    });

  type Measure = { code: string; effect: string; mappingId: string };
  const capacity = (firm: string) =>
    api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: firm, scene: 'business.new-capacity', sector: 'taxi' } }).then((r) => ({
      status: r.status,
      outcome: r.body.outcome as string,
      measures: ((r.body.measures ?? []) as Measure[]).map((m) => [m.code, m.effect, m.mappingId]),
    }));

  it('an AAA firm is first for operating rights; a B firm gets no priority', async () => {
    const [good, poor] = [makeUscc(PUYANG), makeUscc(PUYANG)];
    await registerSubjects(platform, [
      { kind: 'org', id: good, sectors: ['taxi'], region: PUYANG },
      { kind: 'org', id: poor, sectors: ['taxi'], region: PUYANG },
    ]);
    // 1000 − 10 = 990 → AAA; 1000 − 4 × 100 − 10 = 590 → B.
    const bodies = [complaint(good), penalty(poor), penalty(poor), penalty(poor), penalty(poor), complaint(poor)];
    for (const body of bodies) expect((await api('/api/v1/credit-records', { method: 'POST', body })).status).toBe(201);
    await eventually(
      () => recordsHeld(platform, [good, poor]),
      (n) => n === bodies.length,
      30_000,
    );

    const { ranked } = await closeCycle(platform, regulator, SCHEME, lastYear, 60_000);
    expect(ranked.get(good)).toMatchObject({ grade: 'AAA', score: 990 });
    expect(ranked.get(poor)).toMatchObject({ grade: 'B', score: 590 });

    // 配置巡游车经营权指标 … 使优良企业不断扩大规模.
    const first = await eventually(
      () => capacity(good),
      (r) => r.measures.length > 0,
      30_000,
    );
    expect(first).toMatchObject({ status: 200, outcome: 'allow', measures: [['new-capacity.priority', 'benefit', 'puyang.taxi.capacity.aaa']] });
    expect(await capacity(poor)).toMatchObject({ status: 200, outcome: 'allow', measures: [] });
  }, 240_000);
});
