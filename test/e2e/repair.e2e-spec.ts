import { addDays, addMonths, chinaDateOf } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface Profile {
  penalties?: { documentNumber: string }[];
}
type Body = Record<string, unknown> & {
  code?: string;
  id?: string;
  status?: string;
  items?: Record<string, unknown>[];
  errors?: { field: string; message: string }[];
};

/*
 * Credit repair through the gateway (DOMAIN.md §5, 国家发展改革委令2025年第36号): a general penalty
 * is published at least 3 months and at most 1 year from its decision date; after the minimum a
 * repair may be applied for with a public credit commitment; whoever decided the record decides
 * the repair (谁认定、谁修复: here the Zhengzhou bureau's client, region 410100). An approved repair
 * ends the publication: the record leaves GET /public/v1/subjects/{uscc}.
 * 超限运输 is a violation with no continuing state: commitment mode (seed 003 珠海 checklist rule).
 */
describe('repair: a Henan penalty from reminder to application to approval, and out of public view', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let luoyang: string;
  const today = chinaDateOf(new Date());

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure', 'repair']);
    zhengzhou = await platform.token('zhengzhou');
    luoyang = await platform.token('luoyang');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Body>(
    () => platform,
    () => zhengzhou,
  );
  const profile = (uscc: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => (r.ok ? ((await r.json()) as Profile) : ({} as Profile)));
  const penalty = (uscc: string, decisionDate: string) => {
    const body = creditRecordBody({ subject: { kind: 'org', id: uscc, name: '郑州修复测试运输有限公司' }, severity: 'general', decisionDate });
    body.payload = { ...body.payload, violationType: '超限运输' };
    return body;
  };
  const submit = async (body: ReturnType<typeof penalty>) => {
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const reminderFor = (uscc: string, recordId: string) =>
    eventually(
      () => api(`/api/v1/subjects/${uscc}/repair-reminders`),
      (r) => (r.body.items ?? []).some((i) => i.recordId === recordId),
      30_000,
    ).then((r) => r.body.items!.find((i) => i.recordId === recordId)!);
  const upload = async (bytes: Buffer, token: string) => {
    const response = await fetch(`${platform.gatewayUrl}/api/v1/repair-evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: bytes,
    });
    const answer = { status: response.status, body: (await response.json()) as Body };
    return Object.defineProperty(answer, 'headers', { value: response.headers, enumerable: false }) as typeof answer & { headers: Headers };
  };
  const COMMITMENT = '本单位已纠正超限运输违法行为、缴清罚款，承诺今后依法诚信经营（信用承诺书）';

  it('a penalty decided yesterday: the reminder shows the day after the 3-month minimum, and applying now is 422 naming that date', async () => {
    const uscc = makeUscc('410100');
    const decisionDate = addDays(today, -1);
    const recordId = await submit(penalty(uscc, decisionDate));
    // General: at least 3 months from the decision date (DOMAIN.md §5); a repair from the next day.
    const earliest = addDays(addMonths(decisionDate, 3), 1);
    expect(await reminderFor(uscc, recordId)).toMatchObject({ earliestRepairDate: earliest, mode: 'repair-commitment', eligibleNow: false });
    // The repair notice went out with the penalty (an integration event integrators turn into SMS).
    const notice = await eventually(
      () =>
        platform.db.query<{ earliest: string }>(
          `SELECT envelope->'data'->>'earliestRepairDate' AS earliest FROM repair.outbox WHERE subject = 'repair.notices.issued' AND envelope->'data'->>'recordId' = $1`,
          [recordId],
        ),
      (rows) => rows.length > 0,
      30_000,
    );
    expect(notice).toEqual([{ earliest }]);

    const early = await api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT, evidence: [] } });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('REPAIR.MINIMUM_PERIOD_NOT_OVER');
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'target', message: expect.stringContaining(earliest) })]);
  }, 60_000);

  it('decided 4 months ago: applied for, refused to another region (403), approved by the deciding unit, and gone from the public profile', async () => {
    const uscc = makeUscc('410100');
    const body = penalty(uscc, addMonths(today, -4));
    const recordId = await submit(body);
    await eventually(
      () => profile(uscc),
      (p) => (p.penalties ?? []).some((i) => i.documentNumber === body.documentNumber),
      30_000,
    );
    expect(await reminderFor(uscc, recordId)).toMatchObject({ eligibleNow: true });

    const filed = await api('/api/v1/repair-applications', {
      method: 'POST',
      body: { target: recordId, commitment: COMMITMENT, evidence: ['缴款书 410100-2026-0001'] },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', mode: 'repair-commitment', decidingRegion: '410100', overdue: false });
    const applicationId = filed.body.id as string;

    const queue = await api('/api/v1/repair-applications?status=pending');
    expect(queue.body.items?.map((a) => a.id)).toContain(applicationId);
    expect((await api('/api/v1/repair-applications?status=pending', { token: luoyang })).body.items?.map((a) => a.id)).not.toContain(applicationId);

    const foreign = await api(`/api/v1/repair-applications/${applicationId}/decision`, {
      method: 'POST',
      token: luoyang,
      body: { outcome: 'approved', reason: '同意' },
    });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 403, code: 'REPAIR.NOT_DECIDING_AUTHORITY' });

    const approved = await api(`/api/v1/repair-applications/${applicationId}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '已纠正失信行为、履行法定义务并作出信用承诺，同意信用修复' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decision: { outcome: 'approved', decidedBy: 'zhengzhou' } });
    const again = await api(`/api/v1/repair-applications/${applicationId}/decision`, { method: 'POST', body: { outcome: 'rejected', reason: '重复决定' } });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'REPAIR.ALREADY_DECIDED' });

    // Publication ends everywhere: collection's repaired version → disclosure drops the penalty.
    const after = await eventually(
      () => profile(uscc),
      (p) => !(p.penalties ?? []).some((i) => i.documentNumber === body.documentNumber),
      30_000,
    );
    expect(after.penalties ?? []).toEqual([]);
    expect((await api(`/api/v1/credit-records/${recordId}`)).body.status).toBe('repaired');
  }, 90_000);

  it('evidence files (issue 19 item 3): sniffed, limited, named as sha256:<hex>; the deciding unit downloads what another city filed', async () => {
    const uscc = makeUscc('410100');
    const recordId = await submit(penalty(uscc, addMonths(today, -5)));
    await reminderFor(uscc, recordId);
    // A JPEG (SOI + APP0 JFIF marker) declared as a PDF: stored as what its bytes are.
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.from(`${recordId}`)]);
    const uploaded = await upload(photo, luoyang);
    expect(uploaded).toMatchObject({ status: 201, body: { mediaType: 'image/jpeg', sizeBytes: photo.byteLength } });
    const sha256 = uploaded.body.sha256 as string;

    const before = Number((await platform.db.query<{ n: string }>(`SELECT count(*) AS n FROM repair.repair_applications`))[0].n);
    // A Windows executable (MZ … PE), a video (not repair evidence), an empty body: refused, nothing stored.
    const exe = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(64)]);
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42', 'latin1'), Buffer.alloc(12)]);
    for (const [what, bytes, status, code] of [
      ['an executable', exe, 415, 'FILE.TYPE_REFUSED'],
      ['a video', mp4, 415, 'FILE.TYPE_REFUSED'],
      ['an empty upload', Buffer.alloc(0), 400, 'FILE.EMPTY'],
    ] as const) {
      const answer = await upload(bytes, luoyang);
      expect({ what, status: answer.status, code: answer.body.code }).toEqual({ what, status, code });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    const notUploaded = await api('/api/v1/repair-applications', {
      method: 'POST',
      token: luoyang,
      body: { target: recordId, commitment: COMMITMENT, evidence: [`sha256:${sha256}`, `sha256:${'e'.repeat(64)}`, 'sha256:xyz'] },
    });
    expect({ status: notUploaded.status, code: notUploaded.body.code, fields: notUploaded.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      code: 'REPAIR.INVALID',
      fields: ['evidence[1]', 'evidence[2]'],
    });
    expect(Number((await platform.db.query<{ n: string }>(`SELECT count(*) AS n FROM repair.repair_applications`))[0].n)).toBe(before);

    // Luoyang files for the Zhengzhou record (no trip to another city, seed 003); Zhengzhou decides and reads the evidence.
    const filed = await api('/api/v1/repair-applications', {
      method: 'POST',
      token: luoyang,
      body: { target: recordId, commitment: COMMITMENT, evidence: [`sha256:${sha256}`] },
    });
    expect(filed).toMatchObject({ status: 201, body: { decidingRegion: '410100', evidence: [`sha256:${sha256}`] } });
    const download = await fetch(`${platform.gatewayUrl}/api/v1/repair-evidence/${sha256}`, { headers: { authorization: `Bearer ${zhengzhou}` } });
    expect([download.status, download.headers.get('content-type'), download.headers.get('x-content-type-options')]).toEqual([200, 'image/jpeg', 'nosniff']);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${sha256}.jpg"`);
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true);
    // A city that neither uploaded it nor decides the application does not see it.
    const jiyuan = await api(`/api/v1/repair-evidence/${sha256}`, { token: await platform.token('jiyuan') });
    expect({ status: jiyuan.status, code: jiyuan.body.code }).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });
  }, 60_000);

  it('refuses an unknown record (404) and a second application (409); nothing is filed', async () => {
    const missing = await api('/api/v1/repair-applications', {
      method: 'POST',
      body: { target: '00000000-0000-4000-8000-000000000000', commitment: COMMITMENT, evidence: [] },
    });
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'REPAIR.RECORD_NOT_FOUND' });

    const uscc = makeUscc('410100');
    const recordId = await submit(penalty(uscc, addMonths(today, -5)));
    await reminderFor(uscc, recordId);
    const first = await api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT } });
    expect(first.status).toBe(201);
    const second = await api('/api/v1/repair-applications', { method: 'POST', body: { target: recordId, commitment: COMMITMENT } });
    expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'REPAIR.ALREADY_APPLIED' });
  }, 60_000);
});
