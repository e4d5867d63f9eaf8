import { gatewayApi } from '../support/gateway-api';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type Version = { id: string; version: number; uploadedBy: string; table: Record<string, unknown> & { mappings: { partnerGrade: string; ourGrade: string }[] } };
type Json = Record<string, unknown> & { code?: string; tables?: Version[]; errors?: { field: string; message: string; code: string }[] } & Partial<Version>;

/**
 * Recognition tables as versioned data (issue 16 item 2, ADR 0049), across the gateway and
 * evaluation: the shipped tables are version 1 by platform:shipped, an admin upload is in force at
 * once for the recognise route, and one naming a scheme evaluation does not have is refused 422.
 */
describe('grade recognition tables through the gateway admin API', () => {
  let platform: RunningPlatform;
  let regulator: string;
  const WUXI = 'wuxi-to-suzhou-road-transport';
  const YANGTZE = 'yangtze-four-colour-to-henan-codes';

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'evaluation']);
    regulator = await platform.token('regulator');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => regulator,
  );

  it('lists the shipped tables as version 1, takes an upload in force at once, and refuses a missing scheme with 422 naming it', async () => {
    const listed = await api('/api/v1/admin/grade-recognition-tables');
    expect(listed.status).toBe(200);
    expect(listed.body.tables?.find((t) => t.id === WUXI)).toMatchObject({ version: 1, uploadedBy: 'platform:shipped', shippedUpdateAvailable: false });
    const yangtze = listed.body.tables?.find((t) => t.id === YANGTZE);
    expect(yangtze).toMatchObject({ version: 1, uploadedBy: 'platform:shipped' });

    // The shipped table reads a Yangtze blue code as a Henan green (its LOCAL choice; seed 004 publishes no mapping);
    // this Henan regulator's version reads blue as yellow.
    const table = { ...yangtze!.table, mappings: yangtze!.table.mappings.map((m) => (m.partnerGrade === 'blue' ? { ...m, ourGrade: 'yellow' } : m)) };
    const put = await api(`/api/v1/admin/grade-recognition-tables/${YANGTZE}`, { method: 'PUT', body: { document: table } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: YANGTZE, version: 2, uploadedBy: 'regulator' });
    const recognised = await api(`/api/v1/grade-recognitions/${YANGTZE}/recognitions`, { method: 'POST', body: { grade: 'blue' } });
    expect(recognised.body).toMatchObject({ partnerGrade: 'blue', ourSchemeId: 'henan-passenger-hazardous-codes', ourGrade: 'yellow' });
    expect((await api(`/api/v1/admin/grade-recognition-tables/${YANGTZE}/versions/1`)).body).toMatchObject({ version: 1, uploadedBy: 'platform:shipped' });

    const refused = await api(`/api/v1/admin/grade-recognition-tables/${YANGTZE}`, {
      method: 'PUT',
      body: { document: { ...table, ours: { schemeId: 'henan-general-cargo', ladder: 'traffic-light' } } },
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'CONFIG.DANGLING_REFERENCE' });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      { field: 'document.ours.schemeId', message: expect.stringContaining('"henan-general-cargo"'), code: 'UNKNOWN_SCHEME' },
    ]);
    const malformed = await api(`/api/v1/admin/grade-recognition-tables/${YANGTZE}`, { method: 'PUT', body: { document: { id: YANGTZE } } });
    expect({ status: malformed.status, code: malformed.body.code }).toEqual({ status: 400, code: 'RECOGNITION.INVALID' });
    expect((await api('/api/v1/admin/grade-recognition-tables')).body.tables?.find((t) => t.id === YANGTZE)).toMatchObject({
      version: 2,
      uploadedBy: 'regulator',
    });
  });

  it('refuses a Henan regulator Suzhou’s table (403): the table is the region of its scheme', async () => {
    const wuxi = (await api(`/api/v1/admin/grade-recognition-tables/${WUXI}/versions/0`)).body;
    const refused = await api(`/api/v1/admin/grade-recognition-tables/${WUXI}`, { method: 'PUT', body: { document: wuxi.table } });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'RECOGNITION.REGION_FORBIDDEN' });
  });
});
