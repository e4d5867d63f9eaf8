import { randomBytes } from 'node:crypto';
import { chinaToday, daysAgo } from '@platform/testing';
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
const ZHENGZHOU = '410100';

/** The quarter before the one `today` (YYYY-MM-DD) falls in: its label and a day in it. */
function lastQuarter(today: string): { period: string; day: string } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const [y, q] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
  return { period: `${y}-Q${q}`, day: `${y}-${String((q - 1) * 3 + 2).padStart(2, '0')}-15` };
}

/**
 * Issue 17, seed 002 案例1 (河南省“两客一危”“五个一”): 对全省“两客一危”企业，以季度为周期开展评价，确定企业
 * “红、黄、绿”三色安全信用“画像”; 对“绿码”企业最大限度提供各类政策资金支持…开辟各类“绿色通道”; 对“红码”企业
 * 全面采取限制性措施，取消其行业评优评先、示范试点评选等资格，不给予政策资金倾斜支持. And DOMAIN.md §4:
 * commitment path denied to carriers on the key-watch list (Henan). Played through the gateway with
 * the province's clients (`henan` writes, `henan-inspection` asks, `regulator` closes the quarter).
 *
 * Points from the provincial scheme (placeholders in its notes except red < 800): severe penalty
 * −50, general −30, minor −10; green ≥ 900, red < 800.
 */
describe('seed 002 案例1: Henan 两客一危 quarterly codes → policy support; key-watch → no commitment path', () => {
  let platform: RunningPlatform;
  let henan: string;
  let inspection: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [henan, inspection, regulator] = await Promise.all([platform.token('henan'), platform.token('henan-inspection'), platform.token('regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => henan,
  );

  const penalty = (carrier: string, severity: string, decisionDate: string) => ({
    recordType: 'administrative-penalty',
    subject: { kind: 'org', id: carrier, name: '河南某客运有限公司' },
    region: ZHENGZHOU,
    severity,
    decisionDate,
    documentNumber: `豫交执罚〔2026〕${randomBytes(3).toString('hex')}号`,
    payload: {
      facts: '客运车辆未按规定使用动态监控',
      penaltyCategories: ['fine'],
      penaltyBasis: '《道路运输车辆动态监督管理办法》第三十六条',
      penaltyContent: '罚款人民币叁仟元',
      fineAmountFen: 300_000,
      authority: '郑州市交通运输综合行政执法支队',
      authorityUscc: '12410100MB1575112N',
    },
  });
  const submit = async (body: Record<string, unknown>) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const decide = (subjectId: string, scene: string) =>
    api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene }, token: inspection }).then((r) => ({
      status: r.status,
      outcome: r.body.outcome as string,
      measures: ((r.body.measures ?? []) as Measure[]).map((m) => [m.code, m.effect, m.mappingId]),
      reasons: (r.body.reasons ?? []) as Record<string, unknown>[],
    }));

  it('last quarter red loses honours and policy funding, green is first for them; a key-watch carrier is denied the commitment path', async () => {
    const [red, green] = [makeUscc(ZHENGZHOU), makeUscc(ZHENGZHOU)];
    await registerSubjects(platform, [
      { kind: 'org', id: red, sectors: ['hazardous-goods'], region: ZHENGZHOU },
      { kind: 'org', id: green, sectors: ['road-passenger'], region: ZHENGZHOU },
    ]);
    const today = chinaToday();
    const { period, day } = lastQuarter(today);
    // Last quarter: red 1000 − 5 × 50 = 750 < 800; green 1000 − 10 = 990 ≥ 900.
    const redRecords: string[] = [];
    for (let i = 0; i < 5; i++) redRecords.push(await submit(penalty(red, 'severe', day)));
    await submit(penalty(green, 'minor', day));
    // This quarter's record belongs to this quarter's code, not last quarter's (以季度为周期).
    await submit(penalty(red, 'general', today));
    await eventually(
      () => recordsHeld(platform, [red, green]),
      (n) => n === 7,
      30_000,
    );

    const { ranked } = await closeCycle(platform, regulator, SCHEME, period, 60_000);
    expect(ranked.get(red)).toMatchObject({ grade: 'red', score: 750 });
    expect(ranked.get(green)).toMatchObject({ grade: 'green', score: 990 });

    // 红码：取消其行业评优评先、示范试点评选等资格，不给予政策资金倾斜支持.
    const denied = await eventually(
      () => decide(red, 'support.application'),
      (r) => r.outcome === 'deny',
      30_000,
    );
    expect(denied.measures).toEqual([['support.denied', 'deny', 'henan.passenger-hazardous.red.no-support']]);
    expect(denied.reasons).toEqual([expect.objectContaining({ kind: 'grade', schemeId: SCHEME, cycle: period, grade: 'red' })]);
    // 绿码：最大限度提供各类政策资金支持.
    expect(await decide(green, 'support.application')).toMatchObject({
      outcome: 'allow',
      measures: [['support.priority', 'benefit', 'henan.passenger-hazardous.green.support']],
    });

    // 重点关注名单 → 不适用信用承诺办理 (DOMAIN.md §4, Henan). Before listing, the commitment path is open.
    expect(await decide(red, 'permit.application')).toMatchObject({ outcome: 'allow', measures: [] });
    const proposed = await api('/api/v1/lists/key-watch/entries', {
      method: 'POST',
      body: { subjectId: red, basisRecordIds: redRecords, grounds: '一个季度内5次严重违法，红码' },
    });
    expect(proposed).toMatchObject({ status: 201, body: { status: 'proposed', listType: 'key-watch' } });
    // 事前告知: the notice period has run out (moved in the data; the clock is the real one).
    await platform.db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = $2 WHERE id = $1`, [proposed.body.id, daysAgo(1)]);
    const confirmed = await api(`/api/v1/list-entries/${proposed.body.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'confirm', documentNumber: '豫交信〔2026〕8号' },
    });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'effective', inForce: true } });
    const noCommitment = await decide(red, 'permit.application');
    expect(noCommitment).toMatchObject({
      outcome: 'deny',
      measures: [['commitment-path.denied', 'deny', 'henan.key-watch.no-commitment']],
      reasons: [expect.objectContaining({ kind: 'list-entry', listType: 'key-watch', entryId: proposed.body.id })],
    });
    expect(await decide(green, 'permit.application')).toMatchObject({ outcome: 'allow', measures: [] });
  }, 240_000);
});
