import { randomUUID } from 'node:crypto';
import { chinaToday, readPdf } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Verified {
  code: string;
  uscc: string;
  intact: boolean;
  contentHash: string;
  logSeq: string;
  penalties: number;
  profile: { penalties: { documentNumber: string }[]; commitments?: { documentNumber: string; recordType: string }[] };
}

/** Disclosure issue: credit reports as PDF with an embedded Chinese font and a QR code, verifiable by code. */
describe('credit reports', () => {
  /** Where the public reaches the platform (configuration): the QR code and link point here, never at localhost. */
  const PUBLIC_BASE_URL = 'https://credit.example.invalid';
  let platform: RunningPlatform;
  const uscc = makeUscc();
  const body = creditRecordBody({ subject: { id: uscc, name: '郑州报告测试运输有限公司' } });

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { PUBLIC_BASE_URL: PUBLIC_BASE_URL });
    const token = await platform.token('zhengzhou');
    const created = await gatewayApi(
      () => platform,
      () => token,
    )('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    await eventually(
      () => fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then((r) => r.status),
      (s) => s === 200,
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const verify = (code: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/reports/${encodeURIComponent(code)}`).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Verified & { code: string },
    }));

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
    // Read as a person's PDF viewer reads it (issue 21): the record with its status and severity,
    // the sections the profile has, and the verification page at the configured public address.
    const read = readPdf(pdf).text;
    expect(read).toContain(`${body.documentNumber} [公示中，`);
    expect(read).toMatch(/二、信用评价（0）[\s\S]*三、名单信息（0）/);
    expect(read.replace(/\s*\n\s*/g, '')).toContain(`${PUBLIC_BASE_URL}/#/reports/${code}`);
    expect(read).not.toContain('localhost');

    const verified = await verify(
      code
        .toLowerCase()
        .replace(/(.{4})/g, '$1-')
        .replace(/-$/, ''),
    );
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ code, uscc, intact: true, penalties: 1, contentHash: response.headers.get('x-content-hash') });
    expect(verified.body.profile.penalties.map((p) => p.documentNumber)).toEqual([body.documentNumber]);
    // The report's hash is in the tamper-evident publication log.
    const [entry] = await platform.db.query<{ hash: string }>(`SELECT content->>'contentHash' AS hash FROM disclosure.publication_log WHERE seq = $1`, [
      verified.body.logSeq,
    ]);
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

  it('publishes credit commitments (信用承诺) on the profile and in the report, but not a fulfilment, which is not public', async () => {
    const token = await platform.token('zhengzhou');
    const today = chinaToday();
    const submit = async (record: Record<string, unknown>) => {
      const response = await gatewayApi<{ id: string }>(
        () => platform,
        () => token,
      )('/api/v1/credit-records', {
        method: 'POST',
        body: { subject: { kind: 'org', id: uscc, name: '郑州报告测试运输有限公司' }, region: '410100', severity: 'minor', decisionDate: today, ...record },
      });
      expect(response.status).toBe(201);
      return response.body.id;
    };
    const commitmentNumber = `郑交承诺〔2026〕${randomUUID().slice(0, 6)}号`;
    const commitmentId = await submit({
      recordType: 'credit-commitment',
      documentNumber: commitmentNumber,
      payload: { commitmentType: 'permit-application', content: '承诺所报车辆技术参数真实', dueDate: today, acceptingAuthority: '郑州市交通运输局' },
    });
    await submit({
      recordType: 'commitment-fulfilled',
      documentNumber: `郑交履约〔2026〕${randomUUID().slice(0, 6)}号`,
      payload: { commitmentRecordId: commitmentId, description: '经核查已履约' },
    });
    type Profile = { commitments: { documentNumber: string; recordType: string }[]; penalties: unknown[] };
    const profile = await eventually(
      () => fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => (await r.json()) as Profile),
      (p) => p.commitments.length > 0,
    );
    expect(profile.commitments).toEqual([expect.objectContaining({ recordType: 'credit-commitment', documentNumber: commitmentNumber })]);
    expect(profile.penalties).toHaveLength(1);

    const response = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}/report`);
    const verified = await verify(response.headers.get('x-report-code')!);
    expect(verified.body.profile.commitments?.map((c) => c.documentNumber)).toEqual([commitmentNumber]);
  }, 30_000);
});
