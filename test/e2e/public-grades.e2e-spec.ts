import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

interface Profile {
  grades?: { schemeId: string; schemeName: string; schemeNameEn: string; grade: string; score: number; cycle: string; evaluatedAt: string }[];
  penalties?: unknown[];
}

/** Disclosure and evaluation issues: grades appear on the public profile, and a correction re-grades. */
describe('grades on the public profile', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'evaluation', 'disclosure']);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('shows the Henan grade a penalty produced, and re-grades when an objection corrects the penalty', async () => {
    const token = await platform.token('zhengzhou');
    const body = creditRecordBody();
    // A passenger carrier in the registry: Henan 两客一危 grades road-passenger and hazardous-goods carriers (ADR 0044).
    await registerSubjects(platform, [{ kind: 'org', id: body.subject.id, sectors: ['road-passenger'] }]);
    const api = gatewayApi<{ id: string }>(
      () => platform,
      () => token,
    );
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    const profile = () => fetch(`${platform.gatewayUrl}/public/v1/subjects/${body.subject.id}`).then(async (r) => (r.ok ? ((await r.json()) as Profile) : {}));
    const shown = await eventually(profile, (p) => (p.grades ?? []).length > 0, 30_000);
    // Grades with their scheme (its name, from the scheme document) and date (issue 6).
    expect(shown.grades).toEqual([
      expect.objectContaining({
        schemeId: 'henan-passenger-hazardous-codes',
        schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
        schemeNameEn: 'Henan passenger and hazardous-goods carrier red/yellow/green codes',
        grade: 'green',
        // How a person reads it (seed 002 案例1 “绿码”), shown by the portal and the report.
        gradeLabel: '绿码',
        score: 970,
        cycle: expect.stringMatching(/^\d{4}-Q[1-4]$/),
        evaluatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      }),
    ]);
    expect(shown.penalties).toHaveLength(1);

    // An upheld objection corrects the severity: evaluation re-grades (Henan: general −30, severe −50).
    const { id } = created.body;
    const { body: objection } = await api(`/api/v1/credit-records/${id}/objections`, {
      method: 'POST',
      body: { reason: '处罚等级有误', objector: { name: body.subject.name } },
    });
    const resolved = await api(`/api/v1/objections/${objection.id}/resolution`, {
      method: 'POST',
      body: { outcome: 'upheld', note: '经核实属严重情形', correction: { severity: 'severe' } },
    });
    expect(resolved.status).toBe(200);
    // The grade stays green; the new score is announced all the same (issue 16) and the public follows.
    const publicScore = await eventually(profile, (p) => (p.grades ?? []).some((g) => g.score === 950), 30_000);
    expect(publicScore.grades).toEqual([expect.objectContaining({ schemeId: 'henan-passenger-hazardous-codes', grade: 'green', score: 950 })]);
    const regulator = await platform.token('regulator');
    const evaluations = () =>
      gatewayApi<{ evaluations?: { schemeId: string; score: number }[] }>(
        () => platform,
        () => regulator,
      )(`/api/v1/subjects/${body.subject.id}/evaluations`).then((r) => r.body.evaluations ?? []);
    const regraded = await eventually(evaluations, (list) => list.some((e) => e.score === 950), 30_000);
    expect(regraded).toEqual([expect.objectContaining({ schemeId: 'henan-passenger-hazardous-codes', score: 950 })]);
  }, 90_000);

  it('issue 16: two penalties that keep the grade green show the internal score publicly (was public 970 vs internal 940)', async () => {
    // DOMAIN.md §3 red/yellow/green codes on a 1000-point scale (seed 002 案例1/案例4): the shipped Henan
    // scheme deducts 30 per general penalty and grades green from 900, so 1000 → 970 → 940, green throughout.
    const token = await platform.token('zhengzhou');
    const api = gatewayApi<{ id: string }>(
      () => platform,
      () => token,
    );
    const first = creditRecordBody();
    const second = creditRecordBody({ subject: first.subject });
    // The Henan scheme grades road-passenger and hazardous-goods carriers only (ADR 0044).
    await registerSubjects(platform, [{ kind: 'org', id: first.subject.id, sectors: ['road-passenger'] }]);
    expect((await api('/api/v1/credit-records', { method: 'POST', body: first })).status).toBe(201);
    const profile = () => fetch(`${platform.gatewayUrl}/public/v1/subjects/${first.subject.id}`).then(async (r) => (r.ok ? ((await r.json()) as Profile) : {}));
    await eventually(profile, (p) => (p.grades ?? []).some((g) => g.score === 970), 30_000);
    expect((await api('/api/v1/credit-records', { method: 'POST', body: second })).status).toBe(201);
    const shown = await eventually(profile, (p) => (p.penalties ?? []).length === 2 && (p.grades ?? []).some((g) => g.score === 940), 30_000);
    expect(shown.grades).toEqual([expect.objectContaining({ schemeId: 'henan-passenger-hazardous-codes', grade: 'green', score: 940 })]);
  }, 90_000);
});
