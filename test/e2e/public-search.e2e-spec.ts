import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface SearchResult {
  subjects?: { uscc: string; name: string; publishedItems: number }[];
  truncated?: boolean;
  code?: string;
  errors?: { field: string; code: string }[];
}

/** Disclosure issue: public search by name or USCC, and what bad queries and floods get. */
describe('public search', () => {
  let platform: RunningPlatform;
  const uscc = makeUscc();
  const name = `郑州搜索测试大件运输有限公司${Date.now() % 1000}`;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: '60' });
    const token = await platform.token('zhengzhou');
    const created = await gatewayApi(
      () => platform,
      () => token,
    )('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject: { id: uscc, name } }) });
    expect(created.status).toBe(201);
    await eventually(
      () => search(uscc),
      (r) => r.body.subjects?.length === 1,
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const search = (q: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/subjects?q=${encodeURIComponent(q)}`).then(async (r) => ({
      status: r.status,
      headers: r.headers,
      body: (await r.json()) as SearchResult,
    }));

  it('finds an enterprise by part of its Chinese name and by its USCC, full-width or not', async () => {
    const byName = await search('搜索测试大件');
    expect(byName.body.subjects).toEqual([{ uscc, name, region: '410100', publishedItems: 1 }]);
    expect((await search(uscc.toLowerCase())).body.subjects?.map((s) => s.uscc)).toEqual([uscc]);
    const fullWidth = uscc.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect((await search(fullWidth)).body.subjects?.map((s) => s.uscc)).toEqual([uscc]);
  });

  it.each(['%', '_', '\\', "'; DROP TABLE disclosure.public_subjects; --", '搜索%大件', '" OR 1=1 --'])(
    'treats %p literally: no error, nothing it does not literally contain',
    async (q) => {
      const result = await search(q);
      expect(result.status).toBe(200);
      expect(result.body.subjects).toEqual([]);
    },
  );

  it('refuses an empty or over-long query with the field, never a 500', async () => {
    for (const q of ['', '   ', '运'.repeat(51), 'x'.repeat(10_000)]) {
      const result = await search(q);
      expect({ status: result.status, code: result.body.code, field: result.body.errors?.[0]?.field }).toEqual({
        status: 400,
        code: 'PUBLIC.INVALID_QUERY',
        field: 'q',
      });
    }
    const noParam = await fetch(`${platform.gatewayUrl}/public/v1/subjects`);
    expect(noParam.status).toBe(400);
  });

  it('answers a flood from one address with 429 and Retry-After', async () => {
    const results = await Promise.all(Array.from({ length: 80 }, () => search('测试')));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
  });
});
