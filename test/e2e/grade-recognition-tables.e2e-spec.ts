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
    const wuxi = listed.body.tables?.find((t) => t.id === WUXI);
    expect(wuxi).toMatchObject({ version: 1, uploadedBy: 'platform:shipped' });

    // Seed 004 (苏锡常通): a Wuxi C reads as a Suzhou C; this operator's version reads it as D.
    const table = { ...wuxi!.table, mappings: wuxi!.table.mappings.map((m) => (m.partnerGrade === 'C' ? { ...m, ourGrade: 'D' } : m)) };
    const put = await api(`/api/v1/admin/grade-recognition-tables/${WUXI}`, { method: 'PUT', body: { document: table } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: WUXI, version: 2, uploadedBy: 'regulator' });
    const recognised = await api(`/api/v1/grade-recognitions/${WUXI}/recognitions`, { method: 'POST', body: { grade: 'C' } });
    expect(recognised.body).toMatchObject({ partnerGrade: 'C', ourSchemeId: 'suzhou-road-transport-safety', ourGrade: 'D' });
    expect((await api(`/api/v1/admin/grade-recognition-tables/${WUXI}/versions/1`)).body).toMatchObject({ version: 1, uploadedBy: 'platform:shipped' });

    const refused = await api(`/api/v1/admin/grade-recognition-tables/${WUXI}`, {
      method: 'PUT',
      body: { document: { ...table, ours: { schemeId: 'wuxi-road-transport', ladder: 'AA-D' } } },
    });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'CONFIG.DANGLING_REFERENCE' });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      { field: 'document.ours.schemeId', message: expect.stringContaining('"wuxi-road-transport"'), code: 'UNKNOWN_SCHEME' },
    ]);
    const malformed = await api(`/api/v1/admin/grade-recognition-tables/${WUXI}`, { method: 'PUT', body: { document: { id: WUXI } } });
    expect({ status: malformed.status, code: malformed.body.code }).toEqual({ status: 400, code: 'RECOGNITION.INVALID' });
    expect((await api('/api/v1/admin/grade-recognition-tables')).body.tables?.find((t) => t.id === WUXI)).toMatchObject({
      version: 2,
      uploadedBy: 'regulator',
    });
  });
});
