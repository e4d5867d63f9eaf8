import { randomBytes } from 'node:crypto';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string; code?: string }[] };
interface StoredRow {
  id: string;
  region: string;
  status: string;
  version: number;
  source_client_id: string;
  partner_region: string | null;
  partner_reference: string | null;
  partner_agreement: string | null;
}

/**
 * Issue 20 item 3: "POST /exchange/v1/records (idempotent; stored in collection with their
 * provenance; never overwriting our own records)", and the fault "a push about a subject outside
 * the agreement … refused with a code". Sent as the Hubei partner (region 420000), under the
 * shipped agreement hubei-demo: records about subjects registered in Hubei (USCC positions 3–8,
 * DOMAIN.md §1) are accepted (apps/gateway/src/exchange/domain/shipped-agreements.ts, ADR 0069).
 */
describe('partner record pushes (issue 20 item 3)', () => {
  let platform: RunningPlatform;
  let hubei: string;
  let suzhou: string;
  let zhengzhou: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection']);
    [hubei, suzhou, zhengzhou] = await Promise.all(['hubei-partner', 'suzhou-partner', 'zhengzhou'].map((c) => platform.token(c)));
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => hubei,
  );
  const hubeiCarrier = () => ({ kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' });
  const pushBody = (subject: { kind: string; id: string; name: string }, changes: Record<string, unknown> = {}) => {
    const ours = creditRecordBody({ subject, region: '420100' });
    return {
      recordType: ours.recordType,
      subject,
      region: '420100',
      severity: ours.severity,
      decisionDate: ours.decisionDate,
      documentNumber: `鄂交罚〔2026〕${randomBytes(3).toString('hex')}号`,
      payload: { ...ours.payload, authority: '武汉市交通运输局' },
      provenance: { partnerRegion: '420000', sourceReference: `HB-${randomBytes(4).toString('hex')}` },
      ...changes,
    };
  };
  const push = (body: unknown, token = hubei) => api('/exchange/v1/records', { method: 'POST', body, token });
  const rows = (subjectId: string) =>
    platform.db.query<StoredRow>(
      `SELECT id, region, status, version, source_client_id, partner_region, partner_reference, partner_agreement
         FROM collection.credit_records WHERE subject_id = $1 ORDER BY received_at`,
      [subjectId],
    );

  it('stores Hubei’s record as a separate record with its provenance, beside our own record about the same carrier, which stays as it was', async () => {
    const carrier = hubeiCarrier();
    // Our own record: Zhengzhou fined the Hubei carrier on its territory.
    const ours = await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject: carrier }), token: zhengzhou });
    expect(ours.status).toBe(201);
    const oursBefore = await api(`/api/v1/credit-records/${String(ours.body.id)}`, { token: zhengzhou });

    const body = pushBody(carrier);
    const sent = await push(body);
    expect(sent.status).toBe(201);
    expect(sent.headers.get('idempotent-replayed')).toBeNull();
    expect(sent.body).toMatchObject({
      status: 'active',
      provenance: { partnerRegion: '420000', sourceReference: body.provenance.sourceReference, agreement: 'hubei-demo' },
    });
    expect(sent.body.id).not.toBe(ours.body.id);

    const stored = await rows(carrier.id);
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.id === sent.body.id)).toMatchObject({
      region: '420100',
      source_client_id: 'hubei-partner',
      partner_region: '420000',
      partner_reference: body.provenance.sourceReference,
      partner_agreement: 'hubei-demo',
    });
    expect(stored.find((r) => r.id === ours.body.id)).toMatchObject({ partner_region: null, partner_reference: null, version: 1, status: 'active' });
    // Our record reads exactly as before the push.
    expect((await api(`/api/v1/credit-records/${String(ours.body.id)}`, { token: zhengzhou })).body).toEqual(oursBefore.body);
  });

  it('answers the same reference with the same content as a replay (200, Idempotent-Replayed), other content 409, nothing written twice', async () => {
    const carrier = hubeiCarrier();
    const body = pushBody(carrier);
    const first = await push(body);
    expect(first.status).toBe(201);

    const again = await push(body);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);

    const changed = await push({ ...body, severity: 'minor' });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('EXCHANGE.RECORD_REFERENCE_REUSED');
    expect(changed.body.errors?.[0]?.field).toBe('sourceReference');

    const stored = await rows(carrier.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ version: 1, status: 'active' });
  });

  it('cannot overwrite our record by sending its document: refused as a duplicate, ours untouched', async () => {
    const carrier = hubeiCarrier();
    const ourBody = creditRecordBody({ subject: carrier });
    const ours = await api('/api/v1/credit-records', { method: 'POST', body: ourBody, token: zhengzhou });
    expect(ours.status).toBe(201);
    // The same type, document number and subject (credit_records_document_unique) from the partner.
    const clash = await push(pushBody(carrier, { documentNumber: ourBody.documentNumber }));
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('RECORD.DUPLICATE');
    expect(await rows(carrier.id)).toEqual([expect.objectContaining({ id: ours.body.id, version: 1, status: 'active', partner_region: null })]);
  });

  it('refuses a record naming another province than the token’s: 403 EXCHANGE.PROVINCE_NOT_SENDER, nothing stored', async () => {
    const carrier = hubeiCarrier();
    const asHenan = await push(pushBody(carrier, { provenance: { partnerRegion: '410000', sourceReference: 'HB-henan' } }));
    expect(asHenan.status).toBe(403);
    expect(asHenan.body).toMatchObject({ code: 'EXCHANGE.PROVINCE_NOT_SENDER', errors: [expect.objectContaining({ field: 'provenance.partnerRegion' })] });
    const inHenan = await push(pushBody(carrier, { region: '410100' }));
    expect(inHenan.status).toBe(403);
    expect(inHenan.body).toMatchObject({ code: 'EXCHANGE.PROVINCE_NOT_SENDER', errors: [expect.objectContaining({ field: 'region' })] });
    expect(await rows(carrier.id)).toEqual([]);
  });

  it('refuses a push outside the agreement with 422 EXCHANGE.OUTSIDE_AGREEMENT: a Henan company, or a partner whose agreement names no records', async () => {
    const henanCompany = { kind: 'org', id: makeUscc('410100'), name: '郑州某运输有限公司' };
    const aboutHenan = await push(pushBody(henanCompany));
    expect(aboutHenan.status).toBe(422);
    expect(aboutHenan.body).toMatchObject({ code: 'EXCHANGE.OUTSIDE_AGREEMENT', errors: [expect.objectContaining({ field: 'subject.id' })] });
    // Seed 004: Suzhou shares key-watch lists only (agreement suzhou-key-watch has no records term).
    const suzhouCarrier = { kind: 'org', id: makeUscc('320500'), name: '苏州某运输有限公司' };
    const fromSuzhou = await push(pushBody(suzhouCarrier, { region: '320500', provenance: { partnerRegion: '320500', sourceReference: 'SZ-1' } }), suzhou);
    expect(fromSuzhou.status).toBe(422);
    expect(fromSuzhou.body.code).toBe('EXCHANGE.OUTSIDE_AGREEMENT');
    expect([...(await rows(henanCompany.id)), ...(await rows(suzhouCarrier.id))]).toEqual([]);
  });

  it('refuses a push without provenance (400) and a token without exchange:write (403)', async () => {
    const { provenance: _omitted, ...withoutProvenance } = pushBody(hubeiCarrier());
    const missing = await push(withoutProvenance);
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('REQUEST.INVALID');
    expect(JSON.stringify(missing.body.errors)).toContain('provenance');
    const integrator = await push(pushBody(hubeiCarrier()), zhengzhou);
    expect(integrator.status).toBe(403);
    expect(integrator.body.code).toBe('AUTH.INSUFFICIENT_SCOPE');
  });
});
