import { creditRecordBody, makeUscc } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Verified {
  code: string;
  uscc: string;
  intact: boolean;
  contentHash: string;
  logSeq: string;
  penalties: number;
  profile: { penalties: { documentNumber: string }[] };
}

/** Disclosure issue: credit reports as PDF with an embedded Chinese font and a QR code, verifiable by code. */
describe('credit reports', () => {
  let platform: RunningPlatform;
  const uscc = makeUscc();
  const body = creditRecordBody({ subject: { id: uscc, name: '郑州报告测试运输有限公司' } });

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure']);
    const token = await platform.token('zhengzhou');
    const created = await fetch(`${platform.gatewayUrl}/api/v1/credit-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    await eventually(() => fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then((r) => r.status), (s) => s === 200);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const verify = (code: string) => fetch(`${platform.gatewayUrl}/public/v1/reports/${encodeURIComponent(code)}`).then(async (r) => ({ status: r.status, body: (await r.json()) as Verified & { code: string } }));

  it('issues a PDF with the font embedded and a QR code, and verifies it by its code', async () => {
    const response = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}/report`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const code = response.headers.get('x-report-code')!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/); // subset, embedded
    expect(text).toMatch(/\/FontFile[23]? /);
    expect(text).toContain('/Subtype /Image'); // the QR code

    const verified = await verify(code.toLowerCase().replace(/(.{4})/g, '$1-').replace(/-$/, ''));
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ code, uscc, intact: true, penalties: 1, contentHash: response.headers.get('x-content-hash') });
    expect(verified.body.profile.penalties.map((p) => p.documentNumber)).toEqual([body.documentNumber]);
    // The report's hash is in the tamper-evident publication log.
    const [entry] = await platform.db.query<{ hash: string }>(`SELECT content->>'contentHash' AS hash FROM disclosure.publication_log WHERE seq = $1`, [verified.body.logSeq]);
    expect(entry.hash).toBe(verified.body.contentHash);
    const chain = (await fetch(`${platform.gatewayUrl}/public/v1/publication-log`).then((r) => r.json())) as { intact: boolean };
    expect(chain.intact).toBe(true);

    await platform.db.query(`UPDATE disclosure.credit_reports SET profile = jsonb_set(profile, '{name}', '"改过的名称"') WHERE code = $1`, [code]);
    expect((await verify(code)).body.intact).toBe(false);
  });

  it('answers unknown codes, malformed and unknown USCCs with a 4xx, never a 500', async () => {
    for (const code of ['ZZZZZZZZZZZZ', 'not-a-code', "'; DROP TABLE x;--"]) {
      const result = await verify(code);
      expect({ status: result.status, code: result.body.code }).toEqual({ status: 404, code: 'PUBLIC.REPORT_NOT_FOUND' });
    }
    const malformed = await fetch(`${platform.gatewayUrl}/public/v1/subjects/91350100M000100Y44/report`);
    expect({ status: malformed.status, code: ((await malformed.json()) as { code: string }).code }).toEqual({ status: 400, code: 'PUBLIC.INVALID_USCC' });
    const unknown = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${makeUscc()}/report`);
    expect(unknown.status).toBe(404);
  });
});
