import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string }[] };
type Approval = { province: string; state: string; reason: string | null; overdue: boolean; escalatedAt: string | null };

/*
 * Cross-province parallel approval (并联审批, issue 18 item 5; DOMAIN.md §7 "national parallel permit";
 * seed 000: Henan issues more cross-province permits than any other province). A Henan carrier applies
 * at Zhengzhou's window for Zhengzhou → Wuhan through Hubei; Hubei's partner client (420000) reads the
 * pending approval and answers. The permit is issued when every province on the route approved and the
 * accepting authority decides; any refusal refuses it with that province's reason; a province that has
 * not answered by the cross-province deadline is escalated and shown.
 */
describe('permit approvals through the gateway: Hubei approves or refuses a Zhengzhou → Wuhan permit', () => {
  let platform: RunningPlatform;
  let window: string;
  let hubei: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures', 'permits'], { PERMIT_APPROVAL_ESCALATION_INTERVAL_MS: '300' });
    window = await platform.token('zhengzhou-permits');
    hubei = await platform.token('hubei-partner');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => window,
  );
  const asHubei = (path: string, body?: Record<string, unknown>) => api(path, body ? { method: 'POST', body, token: hubei } : { token: hubei });

  const henanSegment = {
    province: '410000',
    geometry: {
      type: 'LineString',
      coordinates: [
        [113.62, 34.75],
        [114.07, 32.12],
      ],
    },
  };
  const hubeiSegment = {
    province: '420000',
    geometry: {
      type: 'LineString',
      coordinates: [
        [114.07, 32.12],
        [114.3, 30.59],
      ],
    },
  };

  /** Zhengzhou → Wuhan through Henan and Hubei: 4.4 m × 3.5 m × 22 m, 51 t on 6 axles (class II, cross-province 10 working days). */
  const application = (carrierUscc: string, segments: unknown[] = [henanSegment, hubeiSegment]) => ({
    carrierUscc,
    vehicle: {
      tractorPlate: '豫A12345',
      trailerPlate: '豫A6789挂',
      axleCount: 6,
      configuration: 'combination',
      driveAxle: 'tandem',
      trailerType: 'flatbed',
      axleLoadsKg: [6000, 9000, 9000, 9000, 9000, 9000],
    },
    cargo: { description: '变压器', divisible: false },
    dimensions: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000 },
    route: { origin: '郑州市', destination: segments.length > 1 ? '武汉市' : '信阳市', segments },
    window: { from: '2026-12-10', to: '2026-12-12' },
    speedKmh: 60,
    trips: 'single',
    commitment: true,
  });

  const carrier = makeUscc('410100');
  let registered = false;
  /** An accepted Zhengzhou → Wuhan application (once the registry's announcement has reached permits). */
  async function apply(segments?: unknown[]): Promise<Json & { id: string; deadline: string }> {
    if (!registered) await registerSubjects(platform, [{ kind: 'org', id: carrier, sectors: ['oversize-transport'], region: '410100' }]);
    registered = true;
    const created = await eventually(
      () => api('/api/v1/permit-applications', { method: 'POST', body: application(carrier, segments) }),
      (r) => r.body.code !== 'PERMIT_APPLICATION.UNKNOWN_CARRIER',
    );
    expect(created).toMatchObject({ status: 201, body: { status: 'accepted' } });
    return created.body as Json & { id: string; deadline: string };
  }

  it('Hubei sees the application pending with what it needs, approves, and the origin issues the permit', async () => {
    const applied = await apply();
    expect(applied.approvals).toMatchObject([
      { province: '410000', state: 'origin', overdue: false, escalatedAt: null },
      { province: '420000', state: 'pending', overdue: false, escalatedAt: null },
    ]);

    const pending = await asHubei('/exchange/v1/permit-approvals?state=pending');
    expect(pending.status).toBe(200);
    const mine = (pending.body.items as Json[]).find((i) => i.applicationId === applied.id);
    expect(mine).toEqual({
      applicationId: applied.id,
      originProvince: '410000',
      province: '420000',
      state: 'pending',
      carrierUscc: carrier,
      permitClass: 'II',
      vehicle: expect.objectContaining({
        tractorPlate: '豫A12345',
        trailerPlate: '豫A6789挂',
        axleCount: 6,
        axleLoadsKg: [6000, 9000, 9000, 9000, 9000, 9000],
      }),
      cargo: { description: '变压器', divisible: false },
      dimensions: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000 },
      // Only the segments lying in Hubei.
      route: { origin: '郑州市', destination: '武汉市', segments: [hubeiSegment] },
      window: { from: '2026-12-10', to: '2026-12-12' },
      deadline: applied.deadline,
      overdue: false,
      escalatedAt: null,
    });

    // Before Hubei answers, the origin cannot issue.
    const early = await api(`/api/v1/permit-applications/${applied.id}/decision`, { method: 'POST', body: { outcome: 'issue' } });
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'PERMIT_APPLICATION.APPROVALS_PENDING' });

    const approved = await asHubei('/exchange/v1/permit-approvals', { applicationId: applied.id, decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.approvals).toMatchObject([
      { province: '410000', state: 'origin' },
      { province: '420000', state: 'approved', reason: null, answeredAt: expect.any(String) },
    ]);
    const after = await asHubei('/exchange/v1/permit-approvals?state=pending');
    expect((after.body.items as Json[]).map((i) => i.applicationId)).not.toContain(applied.id);

    const second = await asHubei('/exchange/v1/permit-approvals', { applicationId: applied.id, decision: 'refuse', reason: '改变主意' });
    expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'PERMIT_APPROVAL.ALREADY_ANSWERED' });
    // The answer is announced once through the outbox and relayed to the PERMITS stream (ADR 0076).
    const answered = await eventually(
      () => announced('permits.approvals.answered', applied.id),
      (rows) => rows.length > 0 && rows.every((r) => r.published),
    );
    expect(answered.map((r) => r.data)).toEqual([expect.objectContaining({ province: '420000', decision: 'approved', applicationRefused: false })]);

    const issued = await api(`/api/v1/permit-applications/${applied.id}/decision`, { method: 'POST', body: { outcome: 'issue' } });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      application: { decision: 'issued' },
      permit: { permitNo: expect.stringMatching(/^410000-\d{4}-\d{6}$/), route: { origin: '郑州市', destination: '武汉市', provinces: ['410000', '420000'] } },
    });
  }, 90_000);

  it("Hubei refuses with a reason: the application is refused with Hubei's reason, the origin cannot issue it", async () => {
    const applied = await apply();
    const refused = await asHubei('/exchange/v1/permit-approvals', { applicationId: applied.id, decision: 'refuse', reason: '汉江大桥限载，无法通行' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      decision: 'refused',
      decisionReason: '420000: 汉江大桥限载，无法通行',
      approvals: [{ state: 'origin' }, { province: '420000', state: 'refused', reason: '汉江大桥限载，无法通行' }],
    });
    const read = await api(`/api/v1/permit-applications/${applied.id}`);
    expect(read.body).toMatchObject({ decision: 'refused', decisionReason: '420000: 汉江大桥限载，无法通行', permitNo: null });
    const issue = await api(`/api/v1/permit-applications/${applied.id}/decision`, { method: 'POST', body: { outcome: 'issue' } });
    expect({ status: issue.status, code: issue.body.code }).toEqual({ status: 409, code: 'PERMIT_APPLICATION.ALREADY_DECIDED' });
  }, 90_000);

  it('bad answers: problem+json with a code and the field, nothing written', async () => {
    const applied = await apply();
    const noReason = await asHubei('/exchange/v1/permit-approvals', { applicationId: applied.id, decision: 'refuse' });
    expect({ status: noReason.status, code: noReason.body.code, fields: noReason.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      code: 'PERMIT_APPROVAL.INVALID',
      fields: ['reason'],
    });
    expect(noReason.headers.get('content-type')).toContain('application/problem+json');
    const unknownDecision = await asHubei('/exchange/v1/permit-approvals', { applicationId: applied.id, decision: 'maybe' });
    expect({ status: unknownDecision.status, fields: unknownDecision.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['decision'] });

    // Suzhou (320500) is not on a Zhengzhou → Wuhan route.
    const suzhou = await api('/exchange/v1/permit-approvals', {
      method: 'POST',
      body: { applicationId: applied.id, decision: 'approve' },
      token: await platform.token('suzhou-partner'),
    });
    expect({ status: suzhou.status, code: suzhou.body.code }).toEqual({ status: 403, code: 'PERMIT_APPROVAL.NOT_ON_ROUTE' });
    // Hubei is not on a route that stays in Henan.
    const withinHenan = await apply([henanSegment]);
    const notOnRoute = await asHubei('/exchange/v1/permit-approvals', { applicationId: withinHenan.id, decision: 'approve' });
    expect({ status: notOnRoute.status, code: notOnRoute.body.code }).toEqual({ status: 403, code: 'PERMIT_APPROVAL.NOT_ON_ROUTE' });

    const unknown = await asHubei('/exchange/v1/permit-approvals', { applicationId: '00000000-0000-4000-8000-000000000000', decision: 'approve' });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'PERMIT_APPROVAL.NOT_FOUND' });
    const badState = await asHubei('/exchange/v1/permit-approvals?state=everything');
    expect({ status: badState.status, fields: badState.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['state'] });
    // An integrator has no exchange scope.
    const integrator = await api('/exchange/v1/permit-approvals?state=pending');
    expect(integrator.status).toBe(403);

    const still = await api(`/api/v1/permit-applications/${applied.id}`);
    expect(still.body).toMatchObject({ decision: null, approvals: [{ state: 'origin' }, { state: 'pending', reason: null, answeredAt: null }] });
  }, 90_000);

  it('a route whose provinces do not match its geometry is refused whole (issue 18 bad input): Wuhan declared as Henan', async () => {
    await apply();
    const before = await platform.db.query<{ n: string }>(`SELECT count(*) AS n FROM permits.permit_applications`);
    const mislabelled = await api('/api/v1/permit-applications', {
      method: 'POST',
      body: application(carrier, [henanSegment, { ...hubeiSegment, province: '410000' }]),
    });
    expect({ status: mislabelled.status, code: mislabelled.body.code, fields: mislabelled.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      code: 'PERMIT_APPLICATION.INVALID',
      fields: ['route.segments[1].province'],
    });
    expect(await platform.db.query<{ n: string }>(`SELECT count(*) AS n FROM permits.permit_applications`)).toEqual(before);
  }, 90_000);

  it('a province that has not answered by the cross-province deadline is escalated and shown', async () => {
    const applied = await apply();
    // The deadline (10 working days from today) is moved into the past as if those days had gone by.
    await platform.db.query(`UPDATE permits.permit_applications SET deadline = '2026-11-30' WHERE id = $1`, [applied.id]);
    const escalated = await eventually(
      () => api(`/api/v1/permit-applications/${applied.id}`),
      (r) => (r.body.approvals as Approval[])[1].escalatedAt !== null,
    );
    expect((escalated.body.approvals as Approval[])[1]).toMatchObject({ province: '420000', state: 'pending', overdue: true, escalatedAt: expect.any(String) });
    const listed = await asHubei('/exchange/v1/permit-approvals?state=pending');
    expect((listed.body.items as Json[]).find((i) => i.applicationId === applied.id)).toMatchObject({ overdue: true, escalatedAt: expect.any(String) });
    const announcedEscalation = await eventually(
      () => announced('permits.approvals.escalated', applied.id),
      (rows) => rows.length > 0 && rows.every((r) => r.published),
    );
    expect(announcedEscalation.map((r) => r.data)).toEqual([
      {
        applicationId: applied.id,
        acceptingRegion: '410100',
        province: '420000',
        deadline: '2026-11-30',
        escalatedAt: (escalated.body.approvals as Approval[])[1].escalatedAt,
      },
    ]);
  }, 90_000);

  /** Integration events about one application in permits' outbox, and whether the relay published them. */
  async function announced(subject: string, applicationId: string): Promise<{ data: Json; published: boolean }[]> {
    const rows = await platform.db.query<{ envelope: { data: Json }; published: boolean }>(
      `SELECT envelope, published_at IS NOT NULL AS published FROM permits.outbox WHERE subject = $1 AND envelope->'data'->>'applicationId' = $2 ORDER BY seq`,
      [subject, applicationId],
    );
    return rows.map((r) => ({ data: r.envelope.data, published: r.published }));
  }
});
