import { SHIPPED_MAPPINGS_FOR_UPLOAD } from '../support/shipped-configuration';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Item = { id: string; status: string; waitingFor: string[]; problems: { path: string; reference: string; code: string }[] };
type Json = Record<string, unknown> & { code?: string; items?: Item[]; errors?: { field: string; message: string; code: string }[] };

/**
 * Configuration that cannot point at nothing (issue 16 item 2, ADR 0043), across real services:
 * evaluation announces its schemes (evaluation.schemes.published), joint measures checks its
 * mappings, draw plans and entry rules against them, and the gateway's admin API reports it.
 */
describe('configuration checked against published schemes, through the gateway', () => {
  let platform: RunningPlatform;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'evaluation', 'joint-measures']);
    regulator = await platform.token('regulator');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => regulator,
  );
  const item = (body: Json, id: string) => body.items?.find((i) => i.id === id);

  it("activates Nanyang's bad-driver rules once evaluation has announced nanyang-driver-grades; every shipped draw plan's scheme ships too", async () => {
    const rules = await eventually(
      () => api('/api/v1/admin/entry-rules'),
      (r) => item(r.body, 'driver-two-consecutive-b-cycles')?.status === 'active',
    );
    expect(rules.status).toBe(200);
    expect(rules.body).toMatchObject({ kind: 'entry-rules', version: 0, pending: 0, invalid: 0, shippedUpdateAvailable: false });
    const mappings = await api('/api/v1/admin/measure-mappings');
    expect(mappings.body).toMatchObject({ kind: 'measure-mappings', version: 1, inForce: true, invalid: 0, shippedUpdateAvailable: false });
    // Issue 16's example, shipped by issue 17: Jiaozuo's red-code mapping is active once evaluation announces jiaozuo-general-cargo.
    const jiaozuo = await eventually(
      () => api('/api/v1/admin/measure-mappings'),
      (r) => item(r.body, 'jiaozuo.red.no-new-business')?.status === 'active',
    );
    expect(item(jiaozuo.body, 'jiaozuo.red.no-new-business')).toMatchObject({ status: 'active', waitingFor: [] });
    expect(item(mappings.body, 'henan.key-watch.no-commitment')).toMatchObject({ status: 'active' });
    // Jiyuan's, Hangzhou's and Shandong's schemes ship (issue 17): their plans turn active once evaluation's announcements are consumed.
    const active = (body: Json, id: string) => item(body, id)?.status === 'active';
    const plans = await eventually(
      () => api('/api/v1/admin/draw-plans'),
      (r) => ['jiyuan.driving-school', 'hangzhou.road-transport', 'shandong.road-transport', 'puyang.taxi'].every((id) => active(r.body, id)),
    );
    expect(plans.body.items?.map((p) => [p.id, p.status])).toEqual([
      ['jiyuan.driving-school', 'active'],
      ['hangzhou.road-transport', 'active'],
      ['shandong.road-transport', 'active'],
      ['puyang.taxi', 'active'],
    ]);
  });

  it('accepts a draw plan naming a scheme not published yet as pending, waiting for it', async () => {
    const plan = {
      id: 'nanjing.road-transport',
      region: '320100',
      sectors: ['general-cargo'],
      schemeId: 'nanjing-road-transport',
      ladder: ['AA', 'A', 'B', 'C', 'D'],
      ratios: { AA: 5, A: 10, B: 15, C: 20, D: 30 },
      source: 'e2e: a Nanjing scheme published later',
    };
    const shipped = await api('/api/v1/admin/draw-plans');
    const uploaded = await api('/api/v1/admin/draw-plans', {
      method: 'PUT',
      body: { document: [...(shipped.body.document as unknown[]), plan], basedOnVersion: 1 },
    });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ version: 2, inForce: true });
    expect(item(uploaded.body, plan.id)).toMatchObject({ status: 'pending', waitingFor: ['nanjing-road-transport'] });
    expect(item(uploaded.body, 'shandong.road-transport')).toMatchObject({ status: 'active', waitingFor: [] });
  });

  it('refuses a mapping naming a grade the published scheme does not have: 422 naming it, nothing stored', async () => {
    // henan-passenger-hazardous-codes grades red/yellow/green (traffic-light ladder); blue is a Yangtze colour.
    const mapping = {
      id: 'henan.blue.no-commitment',
      measure: 'commitment-path.denied',
      scene: 'permit.application',
      regions: ['410000'],
      sectors: ['road-passenger'],
      when: { grade: { schemeId: 'henan-passenger-hazardous-codes', grades: ['blue'] } },
      source: 'e2e',
    };
    const refused = await api('/api/v1/admin/measure-mappings', {
      method: 'PUT',
      body: { document: { ...SHIPPED_MAPPINGS_FOR_UPLOAD, mappings: [...SHIPPED_MAPPINGS_FOR_UPLOAD.mappings, mapping] } },
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'CONFIG.DANGLING_REFERENCE' });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      {
        field: `mappings[${SHIPPED_MAPPINGS_FOR_UPLOAD.mappings.length}].when.grade.grades[0]`,
        message: expect.stringContaining('"blue"'),
        code: 'GRADE_NOT_ON_LADDER',
      },
    ]);
    expect((await api('/api/v1/admin/measure-mappings')).body.version).toBe(1);
  });

  it('accepts a mapping naming a scheme not published yet as pending, and activates it when evaluation publishes the scheme', async () => {
    const mapping = {
      id: 'luoyang.red.no-commitment',
      measure: 'commitment-path.denied',
      scene: 'permit.application',
      regions: ['410300'],
      sectors: [],
      when: { grade: { schemeId: 'luoyang-freight-codes', grades: ['red'] } },
      source: 'e2e: a Luoyang scheme published later',
    };
    const uploaded = await api('/api/v1/admin/measure-mappings', {
      method: 'PUT',
      body: { document: { ...SHIPPED_MAPPINGS_FOR_UPLOAD, mappings: [...SHIPPED_MAPPINGS_FOR_UPLOAD.mappings, mapping] }, basedOnVersion: 1 },
    });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ version: 2, inForce: true });
    expect(item(uploaded.body, mapping.id)).toMatchObject({ status: 'pending', waitingFor: ['luoyang-freight-codes'] });
    const stale = await api('/api/v1/admin/measure-mappings', { method: 'PUT', body: { document: SHIPPED_MAPPINGS_FOR_UPLOAD, basedOnVersion: 1 } });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'CONFIG.VERSION_CONFLICT' });

    // Evaluation publishes a Luoyang scheme (Henan's codes, for Luoyang): announced, joint measures re-checks.
    const henan = await api('/api/v1/evaluation-schemes/henan-passenger-hazardous-codes');
    const document = { ...(henan.body.document as Record<string, unknown>), id: 'luoyang-freight-codes', regions: ['410300'] };
    const published = await api('/api/v1/evaluation-schemes/luoyang-freight-codes', { method: 'PUT', body: { document, publish: true } });
    expect(published.status).toBe(200);
    const active = await eventually(
      () => api('/api/v1/admin/measure-mappings'),
      (r) => item(r.body, mapping.id)?.status === 'active',
    );
    expect(item(active.body, mapping.id)).toEqual({ id: mapping.id, status: 'active', waitingFor: [], problems: [] });
  });

  it('answers 400 for a malformed document, 403 without the admin scope', async () => {
    const malformed = await api('/api/v1/admin/draw-plans', { method: 'PUT', body: { document: [{ id: 'x' }] } });
    expect({ status: malformed.status, code: malformed.body.code }).toEqual({ status: 400, code: 'CONFIG.INVALID' });
    const zhengzhou = await platform.token('zhengzhou');
    expect((await api('/api/v1/admin/draw-plans', { token: zhengzhou })).status).toBe(403);
  });
});
