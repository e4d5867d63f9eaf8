import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

const LIMIT = 8;

/**
 * The public profile's fast path (ADR 0032): cache hits are answered ahead of Express, yet a
 * caller cannot tell — same body, ETag, 304, request id, traceparent and rate-limit headers — and
 * both paths count against one per-address limit, so the flood still ends in a 429 from the full path.
 */
describe('public profile fast path', () => {
  let platform: RunningPlatform;
  let uscc: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], {
      GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      GATEWAY_PROFILE_CACHE_TTL_MS: '300000',
    });
    const token = await platform.token('zhengzhou');
    const body = creditRecordBody();
    uscc = body.subject.id;
    const created = await gatewayApi(
      () => platform,
      () => token,
    )('/api/v1/credit-records', { method: 'POST', body: body });
    expect(created.status).toBe(201);
    // Wait on the read model itself: every request to the gateway counts against the limit.
    await eventually(
      () => platform.db.query(`SELECT 1 FROM disclosure.public_records WHERE uscc = $1`, [uscc]),
      (rows) => rows.length === 1,
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const get = (headers: Record<string, string> = {}) => fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`, { headers });
  const remaining = (r: Response) => Number(r.headers.get('x-ratelimit-remaining-public'));

  it('answers a cached profile exactly as the full path does, counting both against one limit until the 429', async () => {
    const loaded = await get(); // a miss: Express and Nest load it and fill the cache
    const hit = await get({ 'x-request-id': 'integrator-42' }); // a hit: the fast path
    expect(loaded.status).toBe(200);
    expect(hit.status).toBe(200);
    expect(await hit.text()).toBe(await loaded.text());
    for (const name of ['etag', 'cache-control', 'content-type', 'x-ratelimit-limit-public'])
      expect({ name, value: hit.headers.get(name) }).toEqual({ name, value: loaded.headers.get(name) });
    expect(hit.headers.get('x-request-id')).toBe('integrator-42');
    expect(hit.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    expect([remaining(loaded), remaining(hit)]).toEqual([LIMIT - 1, LIMIT - 2]);

    const notModified = await get({ 'if-none-match': loaded.headers.get('etag')! });
    expect({ status: notModified.status, remaining: remaining(notModified) }).toEqual({ status: 304, remaining: LIMIT - 3 });

    const rest = [];
    for (let i = 0; i < LIMIT - 2; i += 1) rest.push(await get());
    expect(rest.map((r) => r.status)).toEqual([...Array(LIMIT - 3).fill(200), 429]);
    const limited = rest.at(-1)!;
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 30_000);
});
