import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';
import { chinaToday } from '@platform/testing';

type Json = Record<string, unknown> & { code?: string };
interface Evaluation {
  schemeId: string;
  grade: string;
  score: number;
  cycle: { label: string };
}
interface Measure {
  code: string;
  effect: string;
  mappingId: string;
}

const SCHEME = 'jiaozuo-general-cargo';
const JIAOZUO = '410800';

/** The quarter before the one `today` (YYYY-MM-DD) falls in: its label and a day in it. */
function lastQuarter(today: string): { period: string; day: string } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const [y, q] = quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
  return { period: `${y}-Q${q}`, day: `${y}-${String((q - 1) * 3 + 2).padStart(2, '0')}-15` };
}

/**
 * Issue 17, seed 002 案例4 (焦作): general-cargo carriers are graded red/yellow/green on a 1000-point
 * scale each quarter; in the next cycle a red carrier gets no new business (plus ≥ 24 h training),
 * a green one simplified handling (DOMAIN.md §3, §4). Played through the gateway with Jiaozuo's
 * client: registry → records → grade → cycle close → decision.
 */
describe('seed 002 案例4: Jiaozuo general-cargo red/yellow/green codes decide new business', () => {
  let platform: RunningPlatform;
  let jiaozuo: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'joint-measures']);
    [jiaozuo, regulator] = await Promise.all([platform.token('jiaozuo'), platform.token('regulator')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => jiaozuo,
  );

  function penalty(carrier: string, severity: string, decisionDate: string) {
    const body = creditRecordBody();
    return {
      ...body,
      subject: { kind: 'org', id: carrier, name: '焦作某普通货物运输有限公司' },
      region: JIAOZUO,
      severity,
      decisionDate,
      documentNumber: `焦交执罚〔2026〕${Math.floor(Math.random() * 90000) + 10000}号`,
      payload: { ...body.payload, authority: '焦作市交通运输局' },
    };
  }

  const submit = async (body: Record<string, unknown>) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const jiaozuoCodes = (carrier: string) =>
    api(`/api/v1/subjects/${carrier}/evaluations`).then((r) => ((r.body.evaluations ?? []) as Evaluation[]).find((e) => e.schemeId === SCHEME));
  const decide = (carrier: string, scene: string) =>
    api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: carrier, scene, sector: 'general-cargo' } });

  it('a carrier brought to red last quarter is denied new capacity this quarter; a green one is allowed and gets simplified handling', async () => {
    const red = makeUscc();
    const green = makeUscc();
    await registerSubjects(platform, [
      { kind: 'org', id: red, sectors: ['general-cargo'], region: JIAOZUO },
      { kind: 'org', id: green, sectors: ['general-cargo'], region: JIAOZUO },
    ]);

    const today = chinaToday();
    const { period, day } = lastQuarter(today);
    // Last quarter: five severe penalties, 1000 − 5 × 50 = 750 < 800 → red; one general penalty, 1000 − 30 = 970 ≥ 900 → green.
    const redRecords: string[] = [];
    for (let i = 0; i < 5; i++) redRecords.push(await submit(penalty(red, 'severe', day)));
    await submit(penalty(green, 'general', day));
    // This quarter the red carrier has one general penalty: the running quarter starts from 1000 again → 970, green.
    await submit(penalty(red, 'general', today));

    const current = await eventually(
      () => jiaozuoCodes(red),
      (e) => e?.score === 970,
      30_000,
    );
    expect(current).toMatchObject({ schemeId: SCHEME, grade: 'green', score: 970 });
    expect(
      (await eventually(
        () => jiaozuoCodes(green),
        (e) => e !== undefined,
        30_000,
      ))!.score,
    ).toBe(1000);

    // Before last quarter is closed there is no cycle grade: nothing denies the red carrier yet.
    const early = await decide(red, 'business.new-capacity');
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ outcome: 'allow', measures: [] });

    // The regulator closes last quarter; the cycle grades the Jiaozuo carriers from their records.
    const admin = gatewayApi<Json>(
      () => platform,
      () => regulator,
    );
    const close = await admin('/api/v1/evaluation-cycles', { method: 'POST', body: { schemeId: SCHEME, period } });
    expect(close.status).toBe(202);
    const id = close.body.id as string;
    await eventually(
      () => admin(`/api/v1/evaluation-cycles/${id}`),
      (r) => r.body.status === 'completed',
      60_000,
    );
    const rankings = await admin(`/api/v1/evaluation-cycles/${id}/rankings?by=subject&limit=500`);
    expect(rankings.status).toBe(200);
    const ranked = rankings.body.subjects as { subjectId: string; grade: string; score: number }[];
    expect(ranked.find((s) => s.subjectId === red)).toMatchObject({ grade: 'red', score: 750 });
    expect(ranked.find((s) => s.subjectId === green)).toMatchObject({ grade: 'green', score: 970 });

    // 在下一个评价周期暂停红码企业新增业务 … “两类人员”不少于24学时的安全教育培训 (seed 002 案例4).
    const denied = await eventually(
      () => decide(red, 'business.new-capacity'),
      (r) => r.body.outcome === 'deny',
      30_000,
    );
    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({ outcome: 'deny', subjectId: red, scene: 'business.new-capacity', region: JIAOZUO });
    const measures = denied.body.measures as Measure[];
    expect(measures.map((m) => [m.code, m.effect, m.mappingId]).sort()).toEqual([
      ['new-business.denied', 'deny', 'jiaozuo.red.no-new-business'],
      ['safety-training', 'condition', 'jiaozuo.red.training'],
    ]);
    expect(measures.find((m) => m.code === 'safety-training')).toMatchObject({ value: { amount: 24, unit: 'hours' } });
    expect(denied.body.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'grade', mappingId: 'jiaozuo.red.no-new-business', schemeId: SCHEME, cycle: period, grade: 'red' }),
      ]),
    );
    // Expert visit (专家入企帮查隐患) on the inspection scene.
    const visit = await decide(red, 'inspection.frequency');
    expect((visit.body.measures as Measure[]).map((m) => m.mappingId)).toEqual(['jiaozuo.red.expert-visit']);

    // 对绿码企业简化流程、高效服务 … 免于入企检查: allowed new capacity, simplified handling, no visits.
    const allowed = await eventually(
      () => decide(green, 'approval.tolerance'),
      (r) => ((r.body.measures as Measure[] | undefined) ?? []).length > 0,
      30_000,
    );
    expect(allowed.body).toMatchObject({
      outcome: 'allow',
      measures: [expect.objectContaining({ code: 'handling.simplified', mappingId: 'jiaozuo.green.simplified' })],
    });
    const capacity = await decide(green, 'business.new-capacity');
    expect(capacity.body).toMatchObject({ outcome: 'allow', measures: [] });
    const inspection = await decide(green, 'inspection.frequency');
    expect((inspection.body.measures as Measure[]).map((m) => [m.code, m.mappingId])).toEqual([['visits.exempt', 'jiaozuo.green.no-visits']]);

    // Asking about a sector the registry does not list for the carrier contradicts the registry: refused, not answered as another sector (ADR 0055).
    const passenger = await api('/api/v1/measures/decisions', {
      method: 'POST',
      body: { subjectId: red, scene: 'business.new-capacity', sector: 'road-passenger' },
    });
    expect(passenger.status).toBe(422);
    expect(passenger.body).toMatchObject({ code: 'DECISION.SECTOR_CONTRADICTS_REGISTRY' });
    expect(passenger.body.errors).toEqual([expect.objectContaining({ field: 'sector' })]);
    // Without a sector the registry's (general-cargo) is used: the red code still denies.
    const unnamed = await api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId: red, scene: 'business.new-capacity' } });
    expect(unnamed.body).toMatchObject({ outcome: 'deny' });
  }, 180_000);
});
