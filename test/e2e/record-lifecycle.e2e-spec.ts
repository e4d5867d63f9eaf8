import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/** Collection issue: the catalogue as data, payload schemas, revocation with history, withdrawal from public view. */
describe('record catalogue and lifecycle', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure']);
    zhengzhou = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Record<string, unknown> & { code?: string; errors?: { field: string; code?: string }[] }>(
    () => platform,
    () => zhengzhou,
  );

  it('serves the catalogue in force, every type with its payload schema', async () => {
    const { status, body } = await api('/api/v1/catalog/record-types');
    expect(status).toBe(200);
    const types = body.recordTypes as { code: string; payloadSchema: { type: string }; timelinessWorkingDays: number | null; isPublic: boolean }[];
    // Catalogue v2 (in force from 2026-12-01) adds the seed systems' types to v1's (seed 004 案例11, 案例6/13/19; seed 003 太仓).
    expect(body.version).toBe(2);
    expect(types.map((t) => t.code)).toEqual(
      expect.arrayContaining([
        'administrative-licence',
        'administrative-penalty',
        'credit-commitment',
        'monitoring-violation',
        'confirmed-complaint',
        'accident',
        'inter-department-notice',
        'credit-assessment',
        'vessel-port-call',
        'lock-passage',
        'ship-safety-inspection',
        'pollutant-delivery',
        'fine-payment',
      ]),
    );
    // One type per fact: a detention is a ship-safety-inspection with detained: true (seed 003 太仓 “两年无安检滞留”).
    expect(types.map((t) => t.code)).not.toContain('safety-inspection-detention');
    expect(types.find((t) => t.code === 'administrative-penalty')).toMatchObject({
      timelinessWorkingDays: 7,
      isPublic: true,
      payloadSchema: { type: 'object' },
    });
    const stored = await platform.db.query(`SELECT version FROM collection.catalogue_versions ORDER BY version`);
    expect(stored).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('refuses a payload that breaks its type schema, naming the payload field', async () => {
    const before = await platform.db.query(`SELECT count(*)::int AS n FROM collection.credit_records`);
    const body = creditRecordBody();
    const { status, body: problem } = await api('/api/v1/credit-records', { method: 'POST', body: { ...body, payload: { ...body.payload, colour: 'red' } } });
    expect({ status, code: problem.code }).toEqual({ status: 400, code: 'RECORD.INVALID' });
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'payload.colour', code: 'UNKNOWN_FIELD' })]));
    expect(await platform.db.query(`SELECT count(*)::int AS n FROM collection.credit_records`)).toEqual(before);
  });

  it('revokes a record once: a new version, gone from public view, still in the history', async () => {
    const body = creditRecordBody();
    const created = await api('/api/v1/credit-records', { method: 'POST', body });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const profile = () =>
      fetch(`${platform.gatewayUrl}/public/v1/subjects/${body.subject.id}`).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { penalties?: unknown[] },
      }));
    expect((await eventually(profile, (p) => p.body.penalties?.length === 1)).body.penalties).toHaveLength(1);

    const henan = await platform.token('henan');
    const byOther = await api(`/api/v1/credit-records/${id}/revocation`, { method: 'POST', body: { reason: '不是我提供的' }, token: henan });
    expect({ status: byOther.status, code: byOther.body.code }).toEqual({ status: 403, code: 'RECORD.NOT_PROVIDER' });

    const revoked = await api(`/api/v1/credit-records/${id}/revocation`, { method: 'POST', body: { reason: '处罚决定已被依法撤销' } });
    expect(revoked).toEqual({ status: 200, body: { id, status: 'revoked', version: 2 } });
    const again = await api(`/api/v1/credit-records/${id}/revocation`, { method: 'POST', body: { reason: '再次撤销' } });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'RECORD.ALREADY_REVOKED' });

    const record = await api(`/api/v1/credit-records/${id}`);
    expect(record.body).toMatchObject({ id, status: 'revoked', catalogueVersion: 2 });
    expect(
      (record.body.history as { version: number; change: string; reason: string }[]).map(({ version, change, reason }) => ({ version, change, reason })),
    ).toEqual([
      { version: 1, change: 'created', reason: '' },
      { version: 2, change: 'revoked', reason: '处罚决定已被依法撤销' },
    ]);
    expect((await eventually(profile, (p) => p.body.penalties?.length === 0)).body.penalties).toEqual([]);
    const kept = await platform.db.query(`SELECT withdrawn_reason FROM disclosure.public_records WHERE record_id = $1`, [id]);
    expect(kept).toEqual([{ withdrawn_reason: 'revoked: 处罚决定已被依法撤销' }]);
  });

  it('hides records of other regions from a city client, as not found', async () => {
    const henan = await platform.token('henan');
    const luoyang = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ region: '410300' }), token: henan });
    expect(luoyang.status).toBe(201);
    const asZhengzhou = await api(`/api/v1/credit-records/${luoyang.body.id as string}`);
    expect({ status: asZhengzhou.status, code: asZhengzhou.body.code }).toEqual({ status: 404, code: 'RECORD.NOT_FOUND' });
  });

  it('answers each of many clients submitting at once with its own outcome (coalesced calls to collection, ADR 0038)', async () => {
    const [henan, luoyang] = await Promise.all([platform.token('henan'), platform.token('luoyang')]);
    const retried = creditRecordBody();
    const before = await platform.db.query(`SELECT count(*)::int AS n FROM collection.credit_records`);
    const sent = [
      ...Array.from({ length: 12 }, () => ({ body: creditRecordBody(), token: zhengzhou, expected: 201 })),
      { body: retried, token: zhengzhou, expected: 201 },
      { body: retried, token: zhengzhou, expected: 201 },
      { body: creditRecordBody({ region: '410300' }), token: luoyang, expected: 201 },
      { body: creditRecordBody({ region: '410300' }), token: henan, expected: 201 },
      { body: creditRecordBody({ region: '410300' }), token: zhengzhou, expected: 403 },
      { body: { ...creditRecordBody(), decisionDate: '2999-01-01' }, token: zhengzhou, expected: 400 },
    ];
    const answers = await Promise.all(sent.map(({ body, token }) => api('/api/v1/credit-records', { method: 'POST', body, token })));

    expect(answers.map((a) => a.status)).toEqual(sent.map((s) => s.expected));
    expect(answers[16].body.code).toBe('AUTH.REGION_FORBIDDEN');
    expect(answers[17].body).toMatchObject({ code: 'RECORD.INVALID', errors: [expect.objectContaining({ field: 'decisionDate' })] });
    // The retry of the same source record id is the same record, whichever of the two came first.
    expect(answers[13].body.id).toBe(answers[12].body.id);
    const created = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
    const stored = await platform.db.query(`SELECT id, source_client_id FROM collection.credit_records WHERE id = ANY($1::uuid[])`, [created]);
    expect(stored).toHaveLength(15);
    expect(stored.filter((r) => r.source_client_id === 'luoyang')).toEqual([{ id: answers[14].body.id, source_client_id: 'luoyang' }]);
    expect(await platform.db.query(`SELECT count(*)::int - $1 AS added FROM collection.credit_records`, [before[0].n])).toEqual([{ added: 15 }]);
  });
});
