import { creditRecordBody } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Issue 23 item 7 through the running gateway: the explicit CORS policy (ADR 0074) and the logs
 * of a run, which must hold neither a bearer token nor an unmasked citizen ID.
 */
describe('security basics at the gateway (issue 23 item 7)', () => {
  const ALLOWED = 'https://portal.example.cn';
  // GB 11643-1999's worked example (valid check character): masked as 110***********002X.
  const CITIZEN_ID = '11010519491231002X';
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { GATEWAY_CORS_ORIGINS: ALLOWED, LOG_LEVEL: 'info' });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const preflight = (origin: string) =>
    fetch(`${platform.gatewayUrl}/api/v1/credit-records`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  it('answers a listed origin’s preflight with that origin, and an unlisted one with no CORS header', async () => {
    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://elsewhere.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives a public profile the same CORS answer whether it is loaded or served from the cache (ADR 0032 fast path)', async () => {
    const token = await platform.token('zhengzhou');
    const record = creditRecordBody();
    const submitted = await fetch(`${platform.gatewayUrl}/api/v1/credit-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(record),
    });
    expect(submitted.status).toBe(201);
    const profile = (origin: string) => fetch(`${platform.gatewayUrl}/public/v1/subjects/${record.subject.id}`, { headers: { origin } });
    // The first answer loads the profile (Express and its cors middleware); the next ones are cache hits.
    const loaded = await eventually(
      () => profile(ALLOWED),
      (r) => r.status === 200,
    );
    expect(loaded.status).toBe(200);
    for (const answer of [await profile(ALLOWED), await profile(ALLOWED)]) {
      expect({ status: answer.status, origin: answer.headers.get('access-control-allow-origin'), vary: answer.headers.get('vary') }).toEqual({
        status: 200,
        origin: ALLOWED,
        vary: 'Origin',
      });
    }
    expect((await profile('https://elsewhere.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('writes neither the bearer token nor an unmasked citizen ID to the logs', async () => {
    const token = await platform.token('zhengzhou');
    const answer = await fetch(`${platform.gatewayUrl}/api/v1/registry/drivers/${CITIZEN_ID}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ citizenId: CITIZEN_ID, name: 42 }),
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    // The request line is written once the answer is sent: wait for it.
    const deadline = Date.now() + 5000;
    while (!platform.logs.some((line) => line.includes('110***********002X')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const logs = platform.logs.join('\n');
    expect(logs).toContain('110***********002X');
    expect(logs).not.toContain(CITIZEN_ID);
    expect(logs).not.toContain(token);
  });
});
