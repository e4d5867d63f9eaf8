import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { WorkingDayCalendar } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';
import { daysAgo } from '@platform/testing';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string }[] };

/*
 * Oversize-transport permit applications through the gateway with Zhengzhou's permit window
 * (issue 18 items 1–4; DOMAIN.md §7; seed 000). Classes: I ≤ 4.2 m × 3 m × 20 m with the gross mass
 * within its limit (49 t on 6 axles), II ≤ 4.5 m × 3.75 m × 28 m and ≤ 100 t, III beyond; "超过" is
 * strictly greater. Deadlines 2/5/15 working days, cross-province 5/10/20. A committed carrier that
 * joint measures keeps on the commitment path skips the on-site inspection; a carrier that obtained a
 * permit with false materials is banned for a year (62号令), so its application is not accepted.
 */
/** The platform's public address as configured (the QR code must name it, not the service's host). */
const PUBLIC_BASE = 'https://xinyong.example.invalid';

describe('permits through the gateway: applications classified, on the credit path or not', () => {
  let platform: RunningPlatform;
  let window: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure', 'joint-measures', 'permits'], { PUBLIC_BASE_URL: PUBLIC_BASE });
    window = await platform.token('zhengzhou-permits');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => window,
  );

  /** Zhengzhou → Wuhan through Henan and Hubei: 4.4 m × 3.5 m × 22 m, 51 t on 6 axles (class II). */
  const application = (carrierUscc: string, change: Record<string, unknown> = {}) => ({
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
    route: {
      origin: '郑州市',
      destination: '武汉市',
      segments: [
        {
          province: '410000',
          geometry: {
            type: 'LineString',
            coordinates: [
              [113.62, 34.75],
              [114.07, 32.12],
            ],
          },
        },
        {
          province: '420000',
          geometry: {
            type: 'LineString',
            coordinates: [
              [114.07, 32.12],
              [114.3, 30.59],
            ],
          },
        },
      ],
    },
    window: { from: '2026-12-10', to: '2026-12-12' },
    speedKmh: 60,
    trips: 'single',
    commitment: true,
    ...change,
  });

  async function oversizeCarrier(sectors = ['oversize-transport']): Promise<string> {
    const uscc = makeUscc('410100');
    await registerSubjects(platform, [{ kind: 'org', id: uscc, sectors, region: '410100' }]);
    return uscc;
  }

  /** Uploads raw bytes with a declared Content-Type (which the service ignores: it sniffs the content). */
  async function upload(path: string, bytes: Buffer, contentType: string) {
    const response = await fetch(`${platform.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${window}`, 'content-type': contentType },
      body: bytes,
    });
    const answer = { status: response.status, body: (await response.json()) as Json };
    return Object.defineProperty(answer, 'headers', { value: response.headers, enumerable: false }) as typeof answer & { headers: Headers };
  }

  /** Submits once the registry's announcement has reached permits (an unknown carrier is refused, nothing written). */
  const submitWhenKnown = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    eventually(
      () => api('/api/v1/permit-applications', { method: 'POST', body, headers }),
      (r) => r.body.code !== 'PERMIT_APPLICATION.UNKNOWN_CARRIER',
    );

  it('a clean committed carrier, Zhengzhou → Wuhan: class II, cross-province 10 working days, commitment path, Hubei pending', async () => {
    const carrier = await oversizeCarrier();
    const created = await submitWhenKnown(application(carrier));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'accepted',
      permitClass: 'II',
      crossProvince: true,
      routeProvinces: ['410000', '420000'],
      workingDays: 10,
      path: 'commitment',
      inspection: 'remote-if-drawn',
      pathReasons: [],
      approvals: [
        { province: '410000', state: 'origin', reason: null },
        { province: '420000', state: 'pending', reason: null },
      ],
    });
    const { receivedOn, deadline } = created.body as { receivedOn: string; deadline: string };
    // 10 working days after acceptance by the holiday calendar (the statutory rule, provisional, for a year it does not know).
    expect(new WorkingDayCalendar({ unknownYears: 'statutory' }).workingDaysBetween(receivedOn, deadline)).toBe(10);

    const read = await api(`/api/v1/permit-applications/${created.body.id as string}`);
    expect(read).toEqual({ status: 200, body: created.body });
  }, 60_000);

  it('class boundaries: 4.2 m high is class I (2 … 5 working days cross-province), 4.21 m is class II', async () => {
    const carrier = await oversizeCarrier();
    const classI = await submitWhenKnown(application(carrier, { dimensions: { heightM: 4.2, widthM: 2.55, lengthM: 18.1, grossMassKg: 49000 } }));
    expect(classI.body).toMatchObject({ status: 'accepted', permitClass: 'I', workingDays: 5 });
    const classII = await api('/api/v1/permit-applications', {
      method: 'POST',
      body: application(carrier, { dimensions: { heightM: 4.21, widthM: 2.55, lengthM: 18.1, grossMassKg: 49000 } }),
    });
    expect(classII.body).toMatchObject({ permitClass: 'II', workingDays: 10 });
  }, 60_000);

  it('class III without an outline drawing and escort plan: one notice listing both (一次性告知)', async () => {
    const carrier = await oversizeCarrier();
    const created = await submitWhenKnown(application(carrier, { dimensions: { heightM: 4.8, widthM: 3.5, lengthM: 22, grossMassKg: 51000 } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'deficient', permitClass: 'III', workingDays: 20, deadline: null });
    expect((created.body.deficiencies as { field: string }[]).map((d) => d.field)).toEqual(['attachments.outline-drawing', 'escortPlan']);

    // The correction (补正) completes it: accepted today, and the 20 working days run from today
    // (《行政许可法》第三十二条: the period starts from receipt of complete materials).
    const correction = `/api/v1/permit-applications/${created.body.id as string}/correction`;
    const headers = { 'idempotency-key': `correction-${created.body.id as string}` };
    const badKey = await api(correction, { method: 'POST', body: { escortPlan: '护送' }, headers: { 'idempotency-key': 'bad key with spaces' } });
    expect({ status: badKey.status, code: badKey.body.code, fields: badKey.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      code: 'REQUEST.INVALID_IDEMPOTENCY_KEY',
      fields: ['Idempotency-Key'],
    });
    // The outline drawing is uploaded first; the correction names the stored file (ADR 0076).
    const drawing = Buffer.from(`%PDF-1.7\n% outline drawing ${created.body.id as string}\n%%EOF\n`, 'latin1');
    const uploaded = await upload('/api/v1/permit-attachments', drawing, 'application/pdf');
    expect(uploaded).toEqual({
      status: 201,
      body: {
        sha256: createHash('sha256').update(drawing).digest('hex'),
        sizeBytes: drawing.byteLength,
        mediaType: 'application/pdf',
        uploadedAt: expect.any(String),
      },
    });
    const correctionBody = {
      attachments: [{ kind: 'outline-drawing', sha256: uploaded.body.sha256, sizeBytes: drawing.byteLength, mediaType: 'application/pdf' }],
      escortPlan: '前后各一辆护送车，限速40公里/小时',
    };
    const corrected = await api(correction, { method: 'POST', headers, body: correctionBody });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(corrected).toMatchObject({ status: 200, body: { status: 'accepted', acceptedOn: today, deficiencies: [] } });
    expect(new WorkingDayCalendar({ unknownYears: 'statutory' }).workingDaysBetween(today, corrected.body.deadline as string)).toBe(20);
    // The same correction retried with its Idempotency-Key: the first answer, replayed (not a 409).
    const retried = await api(correction, { method: 'POST', body: correctionBody, headers });
    expect(retried).toMatchObject({ status: 200, body: corrected.body });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    const reused = await api(correction, { method: 'POST', body: { escortPlan: '另一方案' }, headers });
    expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 422, code: 'REQUEST.IDEMPOTENCY_KEY_REUSED' });
    const again = await api(correction, { method: 'POST', body: { escortPlan: '再次补正' } });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'PERMIT_APPLICATION.NOT_DEFICIENT' });
  }, 60_000);

  it('attachment files: type sniffed from the content, limits by type, served as a download with nosniff; bad uploads are problem+json', async () => {
    // PNG signature (RFC 2083 §3.1) sent as application/pdf: stored as what it is.
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('0000000d49484452', 'hex'),
      Buffer.from(`${Date.now()}`),
    ]);
    const photo = await upload('/api/v1/permit-attachments', png, 'application/pdf');
    expect(photo).toMatchObject({ status: 201, body: { mediaType: 'image/png', sizeBytes: png.byteLength } });
    const download = await fetch(`${platform.gatewayUrl}/api/v1/permit-attachments/${photo.body.sha256 as string}`, {
      headers: { authorization: `Bearer ${window}` },
    });
    expect([download.status, download.headers.get('content-type'), download.headers.get('x-content-type-options')]).toEqual([200, 'image/png', 'nosniff']);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${photo.body.sha256 as string}.png"`);
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    // Another province's client does not see it.
    const elsewhere = await api(`/api/v1/permit-attachments/${photo.body.sha256 as string}`, { token: await platform.token('hubei-partner') });
    expect(elsewhere.status).toBeGreaterThanOrEqual(403);

    const before = Number((await platform.db.query<{ n: string }>(`SELECT count(*) AS n FROM permits.stored_files`))[0].n);
    // A Windows executable (MZ … PE header) declared as a PDF, plain text, an empty body, a PDF over its limit.
    const exe = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(64)]);
    const pdfHeader = Buffer.from('%PDF-1.7\n', 'latin1');
    const cases: [string, Buffer, number, string][] = [
      ['an executable called a PDF', exe, 415, 'FILE.TYPE_REFUSED'],
      ['a script', Buffer.from('<script>alert(1)</script>'), 415, 'FILE.TYPE_REFUSED'],
      ['an empty upload', Buffer.alloc(0), 400, 'FILE.EMPTY'],
      // PDF's limit is 10 MiB (ADR 0076): 10 MiB + 1 byte passes the gateway (20 MiB bodies) and the service refuses it.
      ['a PDF over 10 MiB', Buffer.concat([pdfHeader, Buffer.alloc(10 * 1024 * 1024 + 1 - pdfHeader.byteLength)]), 413, 'FILE.TOO_LARGE'],
    ];
    for (const [what, bytes, status, code] of cases) {
      const answer = await upload('/api/v1/permit-attachments', bytes, 'application/pdf');
      expect({ what, status: answer.status, code: answer.body.code }).toEqual({ what, status, code });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(Number((await platform.db.query<{ n: string }>(`SELECT count(*) AS n FROM permits.stored_files`))[0].n)).toBe(before);
    const badHash = await api('/api/v1/permit-attachments/not-a-hash');
    expect({ status: badHash.status, code: badHash.body.code, fields: badHash.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      code: 'FILE.INVALID_HASH',
      fields: ['sha256'],
    });
    const unknown = await api(`/api/v1/permit-attachments/${'0'.repeat(64)}`);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'FILE.NOT_FOUND' });

    // An application naming a file that was never uploaded is refused on that attachment (一次性告知 with the rest).
    const carrier = await oversizeCarrier();
    const notUploaded = await submitWhenKnown(
      application(carrier, { attachments: [{ kind: 'photo', sha256: 'd'.repeat(64), sizeBytes: 1000, mediaType: 'image/jpeg' }] }),
    );
    expect({ status: notUploaded.status, code: notUploaded.body.code, fields: notUploaded.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      code: 'PERMIT_APPLICATION.INVALID',
      fields: ['attachments[0].sha256'],
    });
  }, 90_000);

  it('a carrier whose licence lacks oversize transport is not accepted', async () => {
    const carrier = await oversizeCarrier(['general-cargo']);
    const created = await submitWhenKnown(application(carrier));
    expect(created.body).toMatchObject({ status: 'not-accepted', reasons: ['carrier-not-licensed'], deadline: null });
  }, 60_000);

  it('a carrier found with false materials is banned (62号令: 1 year): not accepted, standard path, and the reason shown', async () => {
    const carrier = await oversizeCarrier();
    const finding = {
      ...creditRecordBody(),
      recordType: 'oversize-transport-violation',
      subject: { kind: 'org', id: carrier, name: '郑州某大件运输有限公司' },
      decisionDate: daysAgo(2),
      payload: {
        violationType: 'false-materials',
        permitNumber: '豫超限〔2026〕0099',
        detectedAt: '2026-11-18T10:00:00+08:00',
        detectedBy: 'application-review',
        plate: '豫A9F321',
        plateColour: 'yellow',
      },
    };
    const recorded = await api('/api/v1/credit-records', { method: 'POST', body: finding });
    expect(recorded.status).toBe(201);
    const refused = await eventually(
      () => api('/api/v1/permit-applications', { method: 'POST', body: application(carrier) }),
      (r) => r.status === 201 && r.body.status === 'not-accepted',
    );
    expect(refused.body).toMatchObject({ status: 'not-accepted', reasons: ['carrier-banned'], path: 'standard', inspection: 'on-site' });
    expect((refused.body.pathReasons as string[]).join()).toContain('1年内不准申请公路超限运输许可');
  }, 60_000);

  it('bad input: each a 400 problem+json with its code and field, nothing written', async () => {
    const carrier = await oversizeCarrier();
    await submitWhenKnown(application(carrier));
    const count = async () => Number((await platform.db.query<{ n: string }>(`SELECT count(*) AS n FROM permits.permit_applications`))[0].n);
    const before = await count();
    const base = application(carrier);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'zero and negative dimensions',
        { dimensions: { heightM: 0, widthM: -1, lengthM: 22, grossMassKg: 51000 } },
        'PERMIT_APPLICATION.INVALID',
        'dimensions.heightM',
      ],
      [
        'metres given as centimetres (420 m high)',
        { dimensions: { heightM: 420, widthM: 3.5, lengthM: 22, grossMassKg: 51000 } },
        'PERMIT_APPLICATION.INVALID',
        'dimensions.heightM',
      ],
      ['a route with no segments', { route: { ...base.route, segments: [] } }, 'PERMIT_APPLICATION.INVALID', 'route.segments'],
      [
        'a segment outside China',
        {
          route: {
            ...base.route,
            segments: [
              base.route.segments[0],
              {
                province: '420000',
                geometry: {
                  type: 'LineString',
                  coordinates: [
                    [114.07, 32.12],
                    [2.35, 48.86],
                  ],
                },
              },
            ],
          },
        },
        'PERMIT_APPLICATION.INVALID',
        'route.segments[1].geometry',
      ],
      ['an axle count that does not match the axle loads', { vehicle: { ...base.vehicle, axleCount: 5 } }, 'PERMIT_APPLICATION.INVALID', 'vehicle.axleLoadsKg'],
      ['a window that ends before it starts', { window: { from: '2026-12-12', to: '2026-12-10' } }, 'PERMIT_APPLICATION.INVALID', 'window.to'],
      [
        'a multi-trip permit longer than 6 months',
        { trips: 'multi', window: { from: '2026-12-10', to: '2027-06-11' } },
        'PERMIT_APPLICATION.INVALID',
        'window.to',
      ],
      ['an unknown carrier', { carrierUscc: makeUscc('410100') }, 'PERMIT_APPLICATION.UNKNOWN_CARRIER', 'carrierUscc'],
      [
        'a route starting in another province',
        { route: { ...base.route, segments: [base.route.segments[1]] } },
        'PERMIT_APPLICATION.ORIGIN_OUTSIDE_REGION',
        'route.segments[0].province',
      ],
      ['a field of the wrong type', { dimensions: { ...base.dimensions, heightM: '4.4' } }, 'REQUEST.INVALID', 'dimensions.heightM'],
    ];
    for (const [what, change, code, field] of cases) {
      const answer = await api('/api/v1/permit-applications', { method: 'POST', body: { ...base, ...change } });
      expect({ what, status: answer.status, code: answer.body.code, fields: (answer.body.errors ?? []).map((e) => e.field) }).toEqual({
        what,
        status: 400,
        code,
        fields: expect.arrayContaining([field]),
      });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await count()).toBe(before);
  }, 60_000);

  it('a duplicate submission with the same Idempotency-Key answers the first application, replayed', async () => {
    const carrier = await oversizeCarrier();
    const headers = { 'idempotency-key': `permit-${carrier}` };
    const first = await submitWhenKnown(application(carrier), headers);
    expect(first.status).toBe(201);
    const again = await api('/api/v1/permit-applications', { method: 'POST', body: application(carrier), headers });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const changed = await api('/api/v1/permit-applications', { method: 'POST', body: application(carrier, { speedKmh: 50 }), headers });
    expect({ status: changed.status, code: changed.body.code }).toEqual({ status: 422, code: 'REQUEST.IDEMPOTENCY_KEY_REUSED' });
  }, 60_000);

  it('the accepting authority issues a Henan-only permit, an officer verifies it; a cross-province one waits for Hubei', async () => {
    const carrier = await oversizeCarrier();
    const base = application(carrier);
    const withinHenan = await submitWhenKnown({ ...base, route: { ...base.route, destination: '信阳市', segments: [base.route.segments[0]] } });
    expect(withinHenan.body).toMatchObject({ status: 'accepted', permitClass: 'II', crossProvince: false, workingDays: 5 });
    const issued = await api(`/api/v1/permit-applications/${withinHenan.body.id as string}/decision`, { method: 'POST', body: { outcome: 'issue' } });
    expect(issued.status).toBe(200);
    const permit = (issued.body as { permit: Json & { permitNo: string } }).permit;
    expect(permit).toMatchObject({
      permitNo: expect.stringMatching(/^410000-\d{4}-\d{6}$/),
      carrier: { uscc: carrier },
      permitClass: 'II',
      vehicle: { tractorPlate: '豫A12345', trailerPlate: '豫A6789挂', axleCount: 6 },
      route: { origin: '郑州市', destination: '信阳市', provinces: ['410000'] },
      dimensions: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000 },
      validFrom: '2026-12-10',
      validUntil: '2026-12-12',
    });
    expect(await api(`/api/v1/permits/${encodeURIComponent(permit.permitNo)}`)).toEqual({ status: 200, body: permit });
    // Anyone verifies it (what the QR code opens): the carrier as its licences are published, plates masked.
    const publicView = await api(`/public/v1/permits/${encodeURIComponent(permit.permitNo)}`, { token: null });
    expect(publicView).toMatchObject({
      status: 200,
      body: {
        permitNo: permit.permitNo,
        permitClass: 'II',
        carrierUscc: carrier,
        tractorPlate: '豫A***45',
        trailerPlate: '豫A***9挂',
        origin: '郑州市',
        destination: '信阳市',
        provinces: ['410000'],
        // Names a person reads: GB/T 2260 for the province, the configured issuing authority (62号令 第十二条).
        provinceNames: ['河南省'],
        validFrom: '2026-12-10',
        validUntil: '2026-12-12',
        issuedBy: '410100',
        issuingAuthority: '河南省交通运输厅',
      },
    });
    expect(JSON.stringify(publicView.body)).not.toContain('豫A12345');
    // An issued permit is an administrative licence (issue 18 item 6; 双公示, DOMAIN.md §2): collection
    // stores it as a 行政许可 record numbered by the permit, naming Henan's issuing authority, and it
    // is published on the carrier's public profile.
    const licences = await eventually(
      () => api(`/api/v1/credit-records?${new URLSearchParams({ subjectId: carrier, type: 'administrative-licence' }).toString()}`),
      (r) => ((r.body.records as unknown[] | undefined) ?? []).length > 0,
    );
    const [licence] = licences.body.records as { id: string }[];
    expect(licences.body.records).toEqual([
      expect.objectContaining({
        recordType: 'administrative-licence',
        documentNumber: permit.permitNo,
        sourceClientId: 'permits:11410000PH00000016',
        subject: expect.objectContaining({ kind: 'org', id: carrier }),
      }),
    ]);
    expect((await api(`/api/v1/credit-records/${licence.id}`)).body).toEqual(
      expect.objectContaining({
        payload: expect.objectContaining({
          licenceNumber: permit.permitNo,
          validFrom: '2026-12-10',
          validUntil: '2026-12-12',
          authority: '河南省交通运输厅',
          authorityUscc: '11410000PH00000016',
        }),
      }),
    );
    const profile = await eventually(
      () => api(`/public/v1/subjects/${carrier}`, { token: null }),
      (r) => ((r.body.licences as unknown[] | undefined) ?? []).length > 0,
    );
    expect(profile.body.licences).toEqual([expect.objectContaining({ documentNumber: permit.permitNo })]);
    // The QR code printed on the permit opens the portal's permit page on the public address (issue 18 item 6).
    const verificationUrl = `${PUBLIC_BASE}/#/permits/${permit.permitNo}`;
    const svg = await fetch(`${platform.gatewayUrl}/public/v1/permits/${encodeURIComponent(permit.permitNo)}/qr`);
    expect([svg.status, svg.headers.get('content-type'), svg.headers.get('x-verification-url')]).toEqual([
      200,
      expect.stringContaining('image/svg+xml'),
      verificationUrl,
    ]);
    expect(await svg.text()).toBe(await QRCode.toString(verificationUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    const png = await fetch(`${platform.gatewayUrl}/public/v1/permits/${encodeURIComponent(permit.permitNo)}/qr?format=png`);
    expect(png.headers.get('content-type')).toContain('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
    const gif = await api(`/public/v1/permits/${encodeURIComponent(permit.permitNo)}/qr?format=gif`, { token: null });
    expect({ status: gif.status, code: gif.body.code, fields: gif.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      code: 'PERMIT.INVALID_QUERY',
      fields: ['format'],
    });
    const noSuchQr = await api('/public/v1/permits/410000-2026-999999/qr', { token: null });
    expect({ status: noSuchQr.status, code: noSuchQr.body.code }).toEqual({ status: 404, code: 'PERMIT.NOT_FOUND' });
    const again = await api(`/api/v1/permit-applications/${withinHenan.body.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'refuse', reason: '重复' },
    });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'PERMIT_APPLICATION.ALREADY_DECIDED' });

    const crossProvince = await api('/api/v1/permit-applications', { method: 'POST', body: base });
    const pending = await api(`/api/v1/permit-applications/${crossProvince.body.id as string}/decision`, { method: 'POST', body: { outcome: 'issue' } });
    expect({ status: pending.status, code: pending.body.code }).toEqual({ status: 409, code: 'PERMIT_APPLICATION.APPROVALS_PENDING' });
    const unknown = await api('/api/v1/permits/410000-2026-999999');
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'PERMIT.NOT_FOUND' });
    const unknownPublic = await api('/public/v1/permits/410000-2026-999999', { token: null });
    expect({ status: unknownPublic.status, code: unknownPublic.body.code }).toEqual({ status: 404, code: 'PERMIT.NOT_FOUND' });
  }, 60_000);

  it('a permit obtained with false materials is revoked: verification says revoked, and the carrier is banned for a year (62号令)', async () => {
    const carrier = await oversizeCarrier();
    const base = application(carrier);
    const withinHenan = { ...base, route: { ...base.route, destination: '信阳市', segments: [base.route.segments[0]] } };
    const accepted = await submitWhenKnown(withinHenan);
    expect(accepted.body.status).toBe('accepted');
    const issued = await api(`/api/v1/permit-applications/${accepted.body.id as string}/decision`, { method: 'POST', body: { outcome: 'issue' } });
    const { permitNo } = (issued.body as { permit: { permitNo: string } }).permit;
    const path = `/api/v1/permits/${encodeURIComponent(permitNo)}/revocation`;

    const noReason = await api(path, { method: 'POST', body: { reason: ' ', falseMaterials: true } });
    expect({ status: noReason.status, code: noReason.body.code, fields: noReason.body.errors?.map((e) => e.field) }).toEqual({
      status: 400,
      code: 'PERMIT.INVALID_REVOCATION',
      fields: ['reason'],
    });
    const revoked = await api(path, { method: 'POST', body: { reason: '申请材料中的车辆行驶证系伪造', falseMaterials: true } });
    expect(revoked).toMatchObject({
      status: 200,
      body: { permitNo, revocation: { reason: '申请材料中的车辆行驶证系伪造', falseMaterials: true, revokedAt: expect.any(String) } },
    });
    const twice = await api(path, { method: 'POST', body: { reason: '再次撤销' } });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'PERMIT.ALREADY_REVOKED' });
    expect((await api(`/public/v1/permits/${encodeURIComponent(permitNo)}`, { token: null })).body).toMatchObject({ validity: 'revoked' });

    // The permit's licence record (双公示) is withdrawn: its revoked version, and the public profile stops listing it as a licence.
    const licence = await eventually(
      () => api(`/api/v1/credit-records?${new URLSearchParams({ subjectId: carrier, type: 'administrative-licence' }).toString()}`),
      (r) => ((r.body.records as { status: string }[] | undefined) ?? []).some((record) => record.status === 'revoked'),
    );
    expect(licence.body.records).toEqual([expect.objectContaining({ documentNumber: permitNo, status: 'revoked' })]);
    const profile = await eventually(
      () => api(`/public/v1/subjects/${carrier}`, { token: null }),
      (r) => r.status === 200 && !JSON.stringify(r.body.licences ?? []).includes(permitNo),
      // Three hops (collection's outbox → disclosure → the gateway's cache notice); a loaded CI machine once took longer than 15 s.
      45_000,
    );
    expect(JSON.stringify(profile.body.licences ?? [])).not.toContain(permitNo);

    // The violation reaches collection as a false-materials record found in application review …
    const records = await eventually(
      () => api(`/api/v1/credit-records?${new URLSearchParams({ subjectId: carrier, type: 'oversize-transport-violation' }).toString()}`),
      (r) => ((r.body.records as unknown[] | undefined) ?? []).length > 0,
    );
    expect(records.body.records).toEqual([
      expect.objectContaining({ documentNumber: `false-materials-${permitNo}`, severity: 'severe', sourceClientId: 'permits:11410000PH00000016' }),
    ]);
    // … and joint measures' entry rule false-materials-in-permit-application bans the carrier: its next application is not accepted.
    const refused = await eventually(
      () => api('/api/v1/permit-applications', { method: 'POST', body: withinHenan }),
      (r) => r.status === 201 && r.body.status === 'not-accepted',
    );
    expect(refused.body).toMatchObject({ status: 'not-accepted', reasons: ['carrier-banned'], path: 'standard' });
    expect((refused.body.pathReasons as string[]).join()).toContain('1年内不准申请公路超限运输许可');
  }, 120_000);

  it('a carrier put on the key-watch list through joint measures takes the standard path with inspection, and the reason is shown (seed 002)', async () => {
    const carrier = await oversizeCarrier();
    const zhengzhou = await platform.token('zhengzhou');
    const basis = await api('/api/v1/credit-records', {
      method: 'POST',
      token: zhengzhou,
      body: { ...creditRecordBody(), subject: { kind: 'org', id: carrier, name: '郑州某大件运输有限公司' }, decisionDate: daysAgo(8) },
    });
    expect(basis.status).toBe(201);
    // Once joint measures has the basis record (from collection's event), the entry is proposed.
    const proposed = await eventually(
      () =>
        api('/api/v1/lists/key-watch/entries', {
          method: 'POST',
          token: zhengzhou,
          body: { subjectId: carrier, basisRecordIds: [basis.body.id], grounds: '一年内多次未按许可路线行驶' },
        }),
      (r) => r.status !== 404,
    );
    expect(proposed).toMatchObject({ status: 201, body: { status: 'proposed', listType: 'key-watch' } });
    // The notice period has run out (moved in the data; the clock is the real one), then the list is confirmed.
    await platform.db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = $2 WHERE id = $1`, [proposed.body.id, daysAgo(1)]);
    const confirmed = await api(`/api/v1/list-entries/${proposed.body.id as string}/decision`, {
      method: 'POST',
      token: zhengzhou,
      body: { outcome: 'confirm', documentNumber: '郑交信〔2026〕88号' },
    });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'effective' } });
    // Henan: 列入重点关注名单的不适用信用承诺办理 (mapping henan.key-watch.no-commitment).
    const applied = await submitWhenKnown(application(carrier));
    expect(applied.body).toMatchObject({ status: 'accepted', path: 'standard', inspection: 'on-site' });
    // The applicant reads the fact behind it (the list, since when), not the catalogue's source note.
    expect(applied.body.pathReasons).toEqual([
      `不适用信用承诺（告知承诺）办理：列入重点关注名单（${confirmed.body.startsOn as string}起${confirmed.body.endsOn ? `至${confirmed.body.endsOn as string}` : ''}）`,
    ]);
  }, 60_000);

  it('a Hubei key-watch entry about a Henan carrier is outside the Hubei agreement: not applied, and the carrier keeps the commitment path', async () => {
    // Issue 20: an import about a Henan company sent by the Hubei client "closed that company's
    // commitment path in Henan". The Hubei agreement recognises only Hubei-registered subjects.
    const carrier = await oversizeCarrier();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const imported = await api('/exchange/v1/list-entries', {
      method: 'POST',
      token: await platform.token('hubei-partner'),
      body: {
        listType: 'key-watch',
        subject: { kind: 'org', id: carrier, name: '郑州重安大件运输有限公司' },
        grounds: '一年内多次未按许可路线行驶（湖北省认定）',
        provenance: { partnerRegion: '420000', partnerName: '湖北省交通运输厅', sourceReference: `鄂交信-${carrier}`, decidedOn: today },
        startsOn: today,
      },
    });
    expect(imported).toMatchObject({ status: 201, body: { status: 'not-applied', listType: 'key-watch' } });
    const applied = await submitWhenKnown(application(carrier));
    expect(applied.body).toMatchObject({ status: 'accepted', path: 'commitment' });
  }, 60_000);

  it("monthly statistics of the region: this file's permits by class and path, decided within the deadline, inspections exempted", async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = await api(`/api/v1/reports/permits?month=${month}`);
    expect(report.status).toBe(200);
    // Two class II permits were issued above (the Henan-only one and the one later revoked), both to
    // committed clean carriers on the commitment path; both decided the day they were accepted.
    expect(report.body).toMatchObject({
      region: '410100',
      month,
      permits: [{ permitClass: 'II', path: 'commitment', permits: 2 }],
      decided: 2,
      withinDeadline: 2,
      overdue: 0,
      averageProcessingWorkingDays: 0,
      averageDeadlineWorkingDays: 5,
      // Today is not over: no daily draw yet.
      remoteInspectionsDrawn: 0,
    });
    expect(report.body.inspectionsExempted as number).toBeGreaterThanOrEqual(2);
    const badMonth = await api('/api/v1/reports/permits?month=2026-13');
    expect({ status: badMonth.status, fields: badMonth.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['month'] });
    const elsewhere = await api(`/api/v1/reports/permits?month=${month}&region=420000`);
    expect(elsewhere.status).toBe(403);
  }, 60_000);
});
