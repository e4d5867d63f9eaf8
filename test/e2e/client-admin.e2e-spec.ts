import { ProtoPackages } from '@contracts';
import { usccCheckCharacter } from '@domain/identifiers';
import { callUnary } from '../support/grpc-probes';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string; code?: string }[] };

/**
 * Issue 16, item 3: ops create, rotate and disable clients for any region through the admin API
 * (ADR 0041); the secret is shown once and stored hashed. Beijing is 110000 (GB/T 2260,
 * DOMAIN.md §0; the Beijing commuter-bus system of seed 004, case 1); the admin is the test
 * platform's regulator, itself a Henan (410000) client: client administration is platform-wide.
 */
describe('client administration through the gateway', () => {
  let platform: RunningPlatform;
  let regulator: string;
  let zhengzhou: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    [regulator, zhengzhou] = await Promise.all([platform.token('regulator'), platform.token('zhengzhou')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => regulator,
  );

  async function tokenFor(clientId: string, clientSecret: string) {
    const response = await fetch(`${platform.gatewayUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    const body = (await response.json()) as Json & { access_token?: string };
    return { status: response.status, code: body.code, token: body.access_token ?? '' };
  }

  /** The Beijing municipal transport commission as penalty authority (a valid USCC of region 110000). */
  const BEIJING_AUTHORITY_USCC = (() => {
    const first17 = '11110000000013226';
    return first17 + usccCheckCharacter(first17);
  })();

  function beijingPenalty() {
    const body = creditRecordBody();
    return {
      ...body,
      subject: { kind: 'org', id: makeUscc('110000'), name: '北京某通勤客运有限公司' },
      region: '110000',
      documentNumber: `京交执罚〔2026〕${1000 + Math.floor(Math.random() * 9000)}号`,
      payload: { ...body.payload, authority: '北京市交通委员会', authorityUscc: BEIJING_AUTHORITY_USCC },
    };
  }

  it('creates a Beijing client whose secret works once shown, reads and writes in 110000 only, then rotates and disables it', async () => {
    const clientId = `beijing-commuter-bus-${Date.now().toString(36)}`;
    const created = await api('/api/v1/admin/clients', {
      method: 'POST',
      body: { clientId, name: '北京市交通委员会', kind: 'integrator', region: '110000', scopes: ['records:write', 'records:read', 'measures:decide'] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/admin/clients/${clientId}`);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toMatchObject({ clientId, kind: 'integrator', region: '110000', disabled: false, disabledAt: null });
    const secret = created.body.clientSecret as string;
    expect(secret.length).toBeGreaterThanOrEqual(32);

    // Stored hashed (scrypt), never in clear; never returned again.
    const [stored] = await platform.db.query<{ secret_hash: string }>(`SELECT secret_hash FROM gateway.clients WHERE client_id = $1`, [clientId]);
    expect(stored.secret_hash).toMatch(/^scrypt\$/);
    expect(stored.secret_hash).not.toContain(secret);
    const one = await api(`/api/v1/admin/clients/${clientId}`);
    expect(one.body).toEqual({ ...created.body, clientSecret: undefined });
    expect(Object.keys(one.body)).not.toContain('clientSecret');
    const all = await api('/api/v1/admin/clients?limit=200');
    expect((all.body.clients as { clientId: string }[]).map((c) => c.clientId)).toEqual(expect.arrayContaining([clientId, 'regulator', 'zhengzhou']));
    for (const body of [one.body, all.body]) {
      expect(JSON.stringify(body)).not.toContain(secret);
      expect(JSON.stringify(body)).not.toMatch(/scrypt|secretHash|clientSecret/);
    }

    // The new client reads and writes inside Beijing; Henan's data and Henan as a region are outside.
    const first = await tokenFor(clientId, secret);
    expect(first.status).toBe(200);
    const beijing = first.token;
    const record = await api('/api/v1/credit-records', { method: 'POST', body: beijingPenalty(), token: beijing });
    expect(record.status).toBe(201);
    expect((await api(`/api/v1/credit-records/${record.body.id as string}`, { token: beijing })).status).toBe(200);
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    expect((await api(`/api/v1/reports/collection-quality?region=110000&month=${month}`, { token: beijing })).status).toBe(200);
    const outside = await api(`/api/v1/reports/collection-quality?region=410100&month=${month}`, { token: beijing });
    expect({ status: outside.status, code: outside.body.code }).toEqual({ status: 403, code: 'AUTH.REGION_FORBIDDEN' });
    const writeOutside = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody(), token: beijing });
    expect({ status: writeOutside.status, code: writeOutside.body.code }).toEqual({ status: 403, code: 'AUTH.REGION_FORBIDDEN' });
    const decideOutside = await api('/api/v1/measures/decisions', {
      method: 'POST',
      body: { subjectId: makeUscc('410100'), scene: 'permit.application', region: '410100' },
      token: beijing,
    });
    expect({ status: decideOutside.status, code: decideOutside.body.code }).toEqual({ status: 403, code: 'AUTH.REGION_FORBIDDEN' });
    // Zhengzhou, for its part, does not see the Beijing record.
    expect((await api(`/api/v1/credit-records/${record.body.id as string}`, { token: zhengzhou })).status).toBe(404);

    // Rotation: the new secret is shown once; the old one is refused from now on.
    const rotated = await api(`/api/v1/admin/clients/${clientId}/rotation`, { method: 'POST' });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.clientSecret as string;
    expect(newSecret).not.toBe(secret);
    expect(await tokenFor(clientId, secret)).toMatchObject({ status: 401, code: 'AUTH.INVALID_CLIENT' });
    const second = await tokenFor(clientId, newSecret);
    expect(second.status).toBe(200);

    // Disabling: no new token, and the tokens already issued stop working at once, on both faces.
    const disabled = await api(`/api/v1/admin/clients/${clientId}/disable`, { method: 'POST' });
    expect(disabled.body).toMatchObject({ clientId, disabled: true, disabledAt: expect.any(String) });
    expect(await tokenFor(clientId, newSecret)).toMatchObject({ status: 401, code: 'AUTH.INVALID_CLIENT' });
    for (const token of [beijing, second.token]) {
      const refused = await api(`/api/v1/credit-records/${record.body.id as string}`, { token });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 401, code: 'AUTH.TOKEN_INVALID' });
    }
    const overGrpc = (await callUnary(
      `127.0.0.1:${platform.ports.gateway.grpc}`,
      ProtoPackages.gateway.protoPath,
      'gateway.v1.MeasuresGatewayService',
      'decide',
      { subjectId: makeUscc('110000'), scene: 'permit.application' },
      { authorization: `Bearer ${second.token}` },
    ).catch((e: unknown) => e)) as { code: number };
    expect(overGrpc.code).toBe(16); // UNAUTHENTICATED

    // Every admin write is in the audit log with who did it.
    const audited = await platform.db.query<{ client_id: string; method: string; path: string; status: number }>(
      `SELECT client_id, method, path, status FROM gateway.audit_log WHERE path LIKE '/api/v1/admin/clients%' ORDER BY id`,
    );
    expect(audited).toEqual(
      expect.arrayContaining([
        { client_id: 'regulator', method: 'POST', path: '/api/v1/admin/clients', status: 201 },
        { client_id: 'regulator', method: 'POST', path: `/api/v1/admin/clients/${clientId}/rotation`, status: 200 },
        { client_id: 'regulator', method: 'POST', path: `/api/v1/admin/clients/${clientId}/disable`, status: 200 },
      ]),
    );
  }, 60_000);

  it('refuses bad input with problem+json naming the field: 400 for shape, 422 for what no region or kind allows, 409 for a taken id', async () => {
    const valid = { clientId: `sichuan-${Date.now().toString(36)}`, name: '四川省交通运输厅', kind: 'integrator', region: '510000', scopes: ['records:read'] };
    const refused = async (body: Record<string, unknown>, token = regulator) => {
      const r = await api('/api/v1/admin/clients', { method: 'POST', body, token });
      return { status: r.status, code: r.body.code, fields: (r.body.errors ?? []).map((e) => e.field) };
    };
    expect(await refused({ ...valid, region: '51000' })).toEqual({ status: 400, code: 'REQUEST.INVALID', fields: ['region'] });
    expect(await refused({ ...valid, clientId: 'Sichuan Province' })).toEqual({ status: 400, code: 'REQUEST.INVALID', fields: ['clientId'] });
    expect(await refused({ ...valid, kind: 'public' })).toEqual({ status: 400, code: 'REQUEST.INVALID', fields: ['kind'] });
    expect(await refused({ ...valid, scopes: ['records:delete'] })).toEqual({ status: 400, code: 'REQUEST.INVALID', fields: ['scopes'] });
    expect(await refused({ ...valid, scopes: [] })).toEqual({ status: 400, code: 'REQUEST.INVALID', fields: ['scopes'] });
    expect(await refused({ ...valid, secret: 'chosen' })).toEqual({ status: 400, code: 'REQUEST.UNKNOWN_FIELD', fields: ['secret'] });
    // 99 is no GB/T 2260 province prefix; the admin scope belongs to admin clients only.
    expect(await refused({ ...valid, region: '990000' })).toEqual({ status: 422, code: 'CLIENT.UNACCEPTABLE', fields: ['region'] });
    expect(await refused({ ...valid, scopes: ['records:read', 'admin'] })).toEqual({ status: 422, code: 'CLIENT.UNACCEPTABLE', fields: ['scopes[1]'] });
    // Only an admin administers clients.
    expect(await refused(valid, zhengzhou)).toMatchObject({ status: 403, code: 'AUTH.INSUFFICIENT_SCOPE' });
    expect((await api('/api/v1/admin/clients', { token: zhengzhou })).status).toBe(403);

    const created = await api('/api/v1/admin/clients', { method: 'POST', body: valid });
    expect(created.status).toBe(201);
    expect(await refused({ ...valid, name: '另一个' })).toEqual({ status: 409, code: 'CLIENT.DUPLICATE', fields: [] });
    expect(await refused({ ...valid, clientId: 'zhengzhou' })).toEqual({ status: 409, code: 'CLIENT.DUPLICATE', fields: [] });
    // The taken id kept its first secret: the refused attempt changed nothing.
    expect((await tokenFor(valid.clientId, created.body.clientSecret as string)).status).toBe(200);

    for (const path of ['/api/v1/admin/clients/nobody', '/api/v1/admin/clients/nobody/rotation', '/api/v1/admin/clients/nobody/disable']) {
      const r = await api(path, path.endsWith('nobody') ? {} : { method: 'POST' });
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 404, code: 'CLIENT.NOT_FOUND' });
    }
  }, 60_000);
});
