import { daysAgo } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string; code: string }[] };

/** GB 11643-1999's worked example (check character X). */
const DRIVER_ID = '11010519491231002X';
/** masking.ts (libs/domain/identifiers): first 3 and last 4 characters kept, as public output masks. */
const DRIVER_ID_MASKED = '110***********002X';

/** Issue 16 item 1: the subject registry through the gateway (ADR 0042). */
describe('subject registry through the gateway', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let luoyang: string;
  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );

  beforeAll(async () => {
    // joint-measures for the subject-keyed reads (SubjectScope, ADR 0041) of registered subjects.
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    [zhengzhou, luoyang] = await Promise.all([platform.token('zhengzhou'), platform.token('luoyang')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const carrier = makeUscc('410100');
  const vehicleKeys = ['豫A1X234:yellow', '豫A1X235:yellow'];

  it('registers a carrier, its vehicles and a driver, and reads them back (the driver masked)', async () => {
    // Up to 20 s for the services' span exports (as the walking skeleton waits).
    const enterprise = {
      name: '郑州主体库测试物流有限公司',
      licences: [{ number: '豫交运管许可郑字410100555号', businessScope: '道路普通货物运输、大型物件运输', validFrom: '2024-01-01', validUntil: '2099-12-31' }],
      registeredOn: '2016-04-01',
      credit: { registered: true },
    };
    const created = await api(`/api/v1/registry/enterprises/${carrier}`, { method: 'PUT', body: enterprise });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      outcome: 'created',
      registration: { uscc: carrier, region: '410100', sectors: ['general-cargo', 'oversize-transport'], revision: 1 },
    });
    // The same PUT again: idempotent, no new revision.
    expect(await api(`/api/v1/registry/enterprises/${carrier}`, { method: 'PUT', body: enterprise })).toMatchObject({
      status: 200,
      body: { outcome: 'unchanged', registration: { revision: 1 } },
    });
    // A retried Idempotency-Key replays the first answer; the key with another body is refused.
    const keyed = (body: object) =>
      api(`/api/v1/registry/enterprises/${carrier}`, { method: 'PUT', body, headers: { 'idempotency-key': `registry-${carrier}` } });
    const [firstKeyed, retried] = [await keyed({ ...enterprise, registeredOn: '2016-04-02' }), await keyed({ ...enterprise, registeredOn: '2016-04-02' })];
    expect([firstKeyed.body.outcome, retried.body.outcome, retried.headers.get('idempotent-replayed')]).toEqual(['updated', 'updated', 'true']);
    expect(await keyed(enterprise)).toMatchObject({ status: 422, body: { code: 'REQUEST.IDEMPOTENCY_KEY_REUSED' } });

    for (const key of vehicleKeys) {
      const vehicle = await api(`/api/v1/registry/vehicles/${encodeURIComponent(key)}`, {
        method: 'PUT',
        body: { carrierUscc: carrier, region: '410100', vehicleType: 'tractor', axles: 6 },
      });
      expect(vehicle).toMatchObject({ status: 201, body: { registration: { key, carrierUscc: carrier } } });
    }
    const driver = await api(`/api/v1/registry/drivers/${DRIVER_ID}`, {
      method: 'PUT',
      body: {
        name: '王五',
        region: '410100',
        employerUscc: carrier,
        qualificationSectors: ['oversize-transport'],
        qualificationCertificate: '410100201800001',
      },
    });
    expect(driver.status).toBe(201);
    expect(JSON.stringify(driver.body)).not.toContain(DRIVER_ID);

    const read = await api(`/api/v1/registry/enterprises/${carrier}`);
    expect(read.body).toMatchObject({
      name: enterprise.name,
      credit: { registered: true, committed: false, selfAssessed: false },
      licences: [{ inForce: true }],
    });
    const vehicles = await api(`/api/v1/registry/enterprises/${carrier}/vehicles?limit=1`);
    expect(vehicles.body).toMatchObject({ items: [{ key: vehicleKeys[0] }], nextCursor: expect.any(String) });
    const rest = await api(`/api/v1/registry/enterprises/${carrier}/vehicles?limit=1&cursor=${vehicles.body.nextCursor as string}`);
    expect(rest.body).toMatchObject({ items: [{ key: vehicleKeys[1] }], nextCursor: null });
    const drivers = await api(`/api/v1/registry/enterprises/${carrier}/drivers`);
    expect(drivers.body).toMatchObject({ items: [{ citizenId: DRIVER_ID_MASKED, name: '王五' }] });
    const one = await api(`/api/v1/registry/drivers/${DRIVER_ID}`);
    expect(one).toMatchObject({ status: 200, body: { citizenId: DRIVER_ID_MASKED, employerUscc: carrier } });
    expect(JSON.stringify([drivers.body, one.body])).not.toContain(DRIVER_ID);
    expect(await api(`/api/v1/registry/vehicles/${encodeURIComponent(vehicleKeys[0])}`)).toMatchObject({ status: 200, body: { axles: 6 } });
    // The audit log keeps the write, with the driver's path masked (ARCHITECTURE.md §6).
    const audited = await eventually(
      () => platform.db.query<{ path: string }>(`SELECT path FROM gateway.audit_log WHERE path LIKE '/api/v1/registry/drivers/%'`),
      (rows) => rows.length > 0,
    );
    expect(audited.map((r) => r.path)).toEqual([`/api/v1/registry/drivers/${DRIVER_ID_MASKED}`]);
    // …and so do the traces: the HTTP server spans of the driver routes name the path masked.
    const driverSpans = await eventually(
      async () => platform.otlp.spans.filter((span) => JSON.stringify(span.attributes).includes('/api/v1/registry/drivers/')),
      (spans) => spans.length >= 2,
      20_000,
    );
    expect(driverSpans.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(platform.otlp.spans)).not.toContain(DRIVER_ID);
  }, 30_000);

  it('answers client mistakes with problem+json naming the field, never a 500', async () => {
    const badId = await api(`/api/v1/registry/drivers/110105194912310021`, { method: 'PUT', body: { name: '赵六', region: '410100' } });
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ code: 'REGISTRY.INVALID_KEY', errors: [{ field: 'citizenId', code: 'INVALID_CITIZEN_ID' }] });
    expect(badId.headers.get('content-type')).toContain('application/problem+json');
    const badSector = await api(`/api/v1/registry/enterprises/${makeUscc('410100')}`, {
      method: 'PUT',
      body: { name: '某公司', declaredSectors: ['trucking'] },
    });
    expect(badSector).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'declaredSectors' })] } });
    const badCarrier = await api(`/api/v1/registry/vehicles/${encodeURIComponent('豫A1X236:yellow')}`, {
      method: 'PUT',
      body: { carrierUscc: '91350100M000100Y42', region: '410100', vehicleType: 'tractor' },
    });
    expect(badCarrier).toMatchObject({ status: 400, body: { code: 'REGISTRY.INVALID', errors: [{ field: 'carrierUscc', code: 'INVALID_USCC' }] } });
    expect(await api(`/api/v1/registry/vessels/CN20169999999`)).toMatchObject({ status: 404, body: { code: 'REGISTRY.NOT_FOUND' } });
    // Luoyang's client does not see a Zhengzhou carrier: out of its region reads as absent (ADR 0041).
    expect(await api(`/api/v1/registry/enterprises/${carrier}`, { token: luoyang })).toMatchObject({ status: 404, body: { code: 'REGISTRY.NOT_FOUND' } });
    expect(await api(`/api/v1/registry/drivers/${DRIVER_ID}`, { token: luoyang })).toMatchObject({ status: 404, body: { code: 'REGISTRY.NOT_FOUND' } });
    // A registered subject with no record is a subject in view for its region's subject-keyed reads
    // (it would be an unknown id without the registry), and absent for another region's.
    expect(await api(`/api/v1/subjects/${carrier}/list-entries`)).toMatchObject({ status: 200, body: { entries: [] } });
    expect(await api(`/api/v1/subjects/${carrier}/list-entries`, { token: luoyang })).toMatchObject({ status: 404, body: { code: 'SUBJECT.NOT_FOUND' } });
    expect(await api(`/api/v1/subjects/${makeUscc('410100')}/list-entries`)).toMatchObject({ status: 404, body: { code: 'SUBJECT.NOT_FOUND' } });
    // Writing there is naming a region outside its own: 403.
    expect(await api(`/api/v1/registry/enterprises/${carrier}`, { method: 'PUT', token: luoyang, body: { name: '改名' } })).toMatchObject({
      status: 403,
      body: { code: 'AUTH.REGION_FORBIDDEN' },
    });
  });

  it('imports NDJSON line by line', async () => {
    const uscc = makeUscc('410100');
    const ndjson = [
      { kind: 'enterprise', key: uscc, registration: { name: '导入测试客运有限公司', declaredSectors: ['road-passenger'] } },
      { kind: 'vessel', key: 'CN20161234567', registration: { name: '中原号', region: '410100', grossTonnage: 1200 } },
      { kind: 'vehicle', key: '豫A1X237:blue', registration: { region: '410300', vehicleType: 'bus', carrierUscc: uscc } },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const response = await fetch(`${platform.gatewayUrl}/api/v1/registry/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${zhengzhou}`, 'content-type': 'application/x-ndjson' },
      body: ndjson,
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as Json & { lines: { line: number; outcome: string; errors: { code: string }[] }[] };
    // The third line's region (Luoyang) is outside the Zhengzhou client's: rejected alone.
    expect(result).toMatchObject({ lineCount: 3, created: 2, rejected: 1 });
    expect(result.lines.map((l) => [l.line, l.outcome, l.errors.map((e) => e.code)])).toEqual([
      [1, 'created', []],
      [2, 'created', []],
      [3, 'rejected', ['REGION_FORBIDDEN']],
    ]);
    expect(await api(`/api/v1/registry/vessels/CN20161234567`)).toMatchObject({ status: 200, body: { name: '中原号', grossTonnage: 1200, source: 'import' } });
  });

  it('turns a licence record submitted through the records API into a registry licence with its sectors', async () => {
    const uscc = makeUscc('410100');
    const record = {
      ...creditRecordBody(),
      recordType: 'administrative-licence',
      subject: { kind: 'org', id: uscc, name: '许可测试危货运输有限公司' },
      severity: 'minor',
      decisionDate: daysAgo(1),
      documentNumber: '郑交许〔2026〕901号',
      payload: {
        licenceCategory: 'ordinary',
        licenceName: '道路运输经营许可证',
        licenceNumber: '豫交运管许可郑字410100901号',
        content: '经营范围：道路危险货物运输（2类1项、3类）；道路普通货物运输',
        validFrom: daysAgo(1),
        validUntil: '2030-12-31',
        authority: '郑州市交通运输局',
        authorityUscc: '11410100005252717P',
      },
    };
    const submitted = await api('/api/v1/credit-records', { method: 'POST', body: record });
    expect(submitted.status).toBe(201);
    const registered = await eventually(
      () => api(`/api/v1/registry/enterprises/${uscc}`),
      (r) => r.status === 200,
    );
    expect(registered.body).toMatchObject({
      name: '许可测试危货运输有限公司',
      region: '410100',
      source: 'licence-record',
      sectors: ['hazardous-goods', 'general-cargo'],
      licences: [{ number: '豫交运管许可郑字410100901号', sectors: ['hazardous-goods', 'general-cargo'], validUntil: '2030-12-31', inForce: true }],
    });

    // The providing unit revokes the record: the licence leaves the registry, its sectors with it.
    expect((await api(`/api/v1/credit-records/${submitted.body.id as string}/revocation`, { method: 'POST', body: { reason: '许可决定已撤销' } })).status).toBe(
      200,
    );
    const withdrawn = await eventually(
      () => api(`/api/v1/registry/enterprises/${uscc}`),
      (r) => r.body.revision === 2,
    );
    expect(withdrawn.body).toMatchObject({ revision: 2, licences: [], sectors: [] });
  });
});
