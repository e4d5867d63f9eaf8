import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { creditRecordBody } from '../support/factories';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Bad input at the edge (issue 2 §10): each gets a 4xx problem+json with a stable code and the
 * field, none gets a 500, and nothing is half-written.
 */
describe('bad input at the gateway', () => {
  let platform: RunningPlatform;
  let token: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: '5' });
    token = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    if (process.env.E2E_LOGS) console.log(platform.logs.join('\n'));
    await platform?.stop();
  }, 60_000);

  const records = async (): Promise<number> => (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM collection.credit_records`))[0].n;

  async function post(
    body: string | Buffer,
    headers: Record<string, string> = {},
    path = '/api/v1/credit-records',
  ): Promise<{ status: number; type: string | null; problem: { code: string; status: number; errors?: { field: string; code?: string }[] } }> {
    const response = await fetch(`${platform.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), problem: text ? JSON.parse(text) : {} };
  }

  const cases: [string, () => Promise<Awaited<ReturnType<typeof post>>>, number, string, string | undefined][] = [
    ['malformed JSON', () => post('{"recordType": "administrative-penalty",'), 400, 'REQUEST.MALFORMED_JSON', '(body)'],
    ['an unknown field', () => post(JSON.stringify({ ...creditRecordBody(), colour: 'red' })), 400, 'REQUEST.UNKNOWN_FIELD', 'colour'],
    [
      'a USCC with a wrong check character',
      () => post(JSON.stringify(creditRecordBody({ subject: { id: '91350100M000100Y44' } }))),
      400,
      'RECORD.INVALID',
      'subject.id',
    ],
    [
      'a body over 1 MiB',
      () => post(JSON.stringify({ ...creditRecordBody(), payload: { facts: 'x'.repeat(1024 * 1024) } })),
      413,
      'REQUEST.TOO_LARGE',
      '(body)',
    ],
    [
      'a batch over 20 MiB',
      () => post(Buffer.alloc(20 * 1024 * 1024 + 10, '{}\n'), { 'content-type': 'application/x-ndjson' }, '/api/v1/credit-records/batches'),
      413,
      'REQUEST.TOO_LARGE',
      '(body)',
    ],
    [
      'a NUL character in a field (PostgreSQL cannot store it)',
      () => post(JSON.stringify(creditRecordBody({ documentNumber: '郑交罚\u0000101号' }))),
      400,
      'REQUEST.INVALID',
      'documentNumber',
    ],
    ['a wrong content type', () => post('recordType=x', { 'content-type': 'text/plain' }), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Content-Type'],
    ['a write outside the client region', () => post(JSON.stringify(creditRecordBody({ region: '410300' }))), 403, 'AUTH.REGION_FORBIDDEN', 'region'],
    ['a missing token', () => post(JSON.stringify(creditRecordBody()), { authorization: '' }), 401, 'AUTH.UNAUTHENTICATED', undefined],
    [
      'an expired token',
      () => post(JSON.stringify(creditRecordBody()), { authorization: `Bearer ${forgeToken(platform.signingKeyPem, -60)}` }),
      401,
      'AUTH.TOKEN_EXPIRED',
      undefined,
    ],
    [
      'a token signed with another key',
      () => post(JSON.stringify(creditRecordBody()), { authorization: `Bearer ${forgeToken(otherKey(), 600)}` }),
      401,
      'AUTH.TOKEN_INVALID',
      undefined,
    ],
    [
      'a token for a client lacking the scope',
      () => platform.token('reader').then((t) => post(JSON.stringify(creditRecordBody()), { authorization: `Bearer ${t}` })),
      403,
      'AUTH.INSUFFICIENT_SCOPE',
      undefined,
    ],
  ];

  it.each(cases)('refuses %s with a problem+json, and stores nothing', async (_name, send, status, code, field) => {
    const before = await records();
    const { status: actual, type, problem } = await send();
    expect({ status: actual, code: problem.code }).toEqual({ status, code });
    expect(type).toContain('application/problem+json');
    expect(problem.status).toBe(status);
    if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await records()).toBe(before);
  });

  it('audits refused writes too', async () => {
    const rows = await platform.db.query<{ status: number }>(`SELECT status FROM gateway.audit_log WHERE path = '/api/v1/credit-records'`);
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining([400, 403, 413, 415]));
  });

  it('refuses a duplicate record from another source as a conflict, keeping one copy', async () => {
    const body = creditRecordBody();
    expect((await post(JSON.stringify(body))).status).toBe(201);
    const henan = await platform.token('henan');
    const again = await post(JSON.stringify({ ...body, sourceRecordId: 'another-source-id' }), { authorization: `Bearer ${henan}` });
    expect({ status: again.status, code: again.problem.code }).toEqual({ status: 409, code: 'RECORD.DUPLICATE' });
    expect(await platform.db.query(`SELECT count(*)::int AS n FROM collection.credit_records WHERE document_number = $1`, [body.documentNumber])).toEqual([
      { n: 1 },
    ]);
  });

  it('rejects a bad client secret without saying whether the client exists', async () => {
    const attempt = (clientId: string) =>
      fetch(`${platform.gatewayUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'wrong' }),
      }).then(async (r) => ({ status: r.status, code: ((await r.json()) as { code: string }).code }));
    expect(await attempt('zhengzhou')).toEqual({ status: 401, code: 'AUTH.INVALID_CLIENT' });
    expect(await attempt('nobody')).toEqual({ status: 401, code: 'AUTH.INVALID_CLIENT' });
  });

  it('answers a malformed USCC on the public API with 400, and floods with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${platform.gatewayUrl}/public/v1/subjects/91350100M000100Y44`);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      else expect(((await response.json()) as { code: string }).code).toBe('PUBLIC.INVALID_USCC');
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('publishes the OpenAPI document and the JWKS', async () => {
    const openApi = (await (await fetch(`${platform.gatewayUrl}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/token', '/api/v1/credit-records', '/public/v1/subjects/{uscc}']));
    const jwks = (await (await fetch(`${platform.gatewayUrl}/.well-known/jwks.json`)).json()) as { keys: { kty: string; alg: string; d?: string }[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256' })]);
    expect(jwks.keys[0].d).toBeUndefined();
  });
});

function forgeToken(privateKeyPem: string, expiresInSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  return sign({ sub: 'zhengzhou', scope: 'records:write', region: '410100', kind: 'integrator', iat: now - 120, exp: now + expiresInSeconds }, privateKeyPem, {
    algorithm: 'ES256',
    issuer: 'transport-credit-gateway',
    audience: 'transport-credit-api',
  });
}

function otherKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
