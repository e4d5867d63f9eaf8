import { addMonths, chinaDateOf } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { startHubeiFollowing } from '../support/two-provinces';

type Json = Record<string, unknown> & { code?: string; id?: string; status?: string; items?: Record<string, unknown>[] };

const HENAN_APPS = ['gateway', 'collection', 'joint-measures', 'repair', 'disclosure'];
const COMMITMENT = '本单位已纠正超限运输违法行为、缴清罚款，承诺今后依法诚信经营（信用承诺书）';

/*
 * 谁认定、谁修复 between two deployments (issue 19 item 5, issue 20 item 3, ADR 0084): Zhengzhou
 * (Henan, 410000) fines a Hubei-registered carrier; Henan pushes the record to Hubei (420000) with
 * its record id as the reference (ADR 0069). The carrier applies for repair in Hubei — no trip to
 * Henan. Hubei checks it, forwards it (never queued for a Hubei unit), and Hubei's gateway sends it
 * to Henan's exchange API with the client Henan registered for Hubei (its feed configuration, ADR
 * 0080). Zhengzhou's unit approves it in Henan; Hubei's gateway brings the answer back and the
 * record is repaired in Hubei. A general penalty may be repaired once 3 months from its decision
 * date are over (DOMAIN.md §5): four months ago.
 */
describe('two provinces: a repair applied for in Hubei is decided by Henan, which decided the record', () => {
  let henan: RunningPlatform;
  let hubei: RunningPlatform;
  let zhengzhou: string;
  let hubeiApplicant: string;
  let henanPusher: string;

  beforeAll(async () => {
    henan = await startPlatform(HENAN_APPS);
    // Henan may push records about any subject (here a Hubei carrier Henan fined).
    hubei = await startHubeiFollowing(henan, ['gateway', 'joint-measures', 'collection', 'repair'], {
      lists: [{ listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 24 }],
      records: { subjects: 'any' },
    });
    zhengzhou = await henan.token('zhengzhou');
    // The carrier applies through a Hubei integrator (the Yangtze bureau's, region 420000, records:write).
    hubeiApplicant = await hubei.token('yangtze');
    henanPusher = await registerHenanAtHubei();
  }, 240_000);

  afterAll(async () => {
    await hubei?.stop();
    await henan?.stop();
  }, 120_000);

  const atHenan = gatewayApi<Json>(
    () => henan,
    () => zhengzhou,
  );
  const atHubei = gatewayApi<Json>(
    () => hubei,
    () => hubeiApplicant,
  );

  /** Hubei registers Henan as a partner client (kind partner, region 410000, exchange:write), as an admin of Henan's region there would. */
  async function registerHenanAtHubei(): Promise<string> {
    const admin = await hubei.token('regulator');
    const clientId = `henan-partner-${Date.now().toString(36)}`;
    const created = await gatewayApi<Json>(
      () => hubei,
      () => admin,
    )('/api/v1/admin/clients', {
      method: 'POST',
      body: { clientId, name: '河南省交通运输厅', kind: 'partner', region: '410000', scopes: ['exchange:read', 'exchange:write'] },
    });
    expect(created.status).toBe(201);
    const response = await fetch(`${hubei.gatewayUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: created.body.clientSecret as string }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  it('forwarded from Hubei, approved by Zhengzhou in Henan, and the record repaired in Hubei', async () => {
    const carrier = { kind: 'org', id: makeUscc('420100'), name: '武汉跨省修复测试运输有限公司' };
    const body = creditRecordBody({ subject: carrier, severity: 'general', decisionDate: addMonths(chinaDateOf(new Date()), -4) });
    body.payload = { ...body.payload, violationType: '超限运输' };
    const decided = await atHenan('/api/v1/credit-records', { method: 'POST', body });
    expect(decided.status).toBe(201);
    const henanRecordId = decided.body.id as string;

    // Henan pushes its record to Hubei, its record id as the reference.
    const pushed = await atHubei('/exchange/v1/records', {
      method: 'POST',
      token: henanPusher,
      body: {
        recordType: body.recordType,
        subject: carrier,
        region: body.region,
        severity: body.severity,
        decisionDate: body.decisionDate,
        documentNumber: body.documentNumber,
        payload: body.payload,
        provenance: { partnerRegion: '410000', sourceReference: henanRecordId },
      },
    });
    // Hubei may hold it already from Henan's feed (ADR 0086): then the push answers that record.
    expect([200, 201]).toContain(pushed.status);
    const hubeiRecordId = pushed.body.id as string;

    const apply = () => atHubei('/api/v1/repair-applications', { method: 'POST', body: { target: hubeiRecordId, commitment: COMMITMENT } });
    const filed = await eventually(apply, (r) => r.status !== 404, 30_000);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'forwarded', forwardedTo: { region: '410000' } });
    const hubeiApplicationId = filed.body.id as string;

    // In Henan: queued for Zhengzhou's unit, Hubei as origin, our application id as its reference.
    const queued = await eventually(
      () => atHenan('/api/v1/repair-applications?status=pending'),
      (r) => (r.body.items ?? []).some((a) => (a.target as { recordId?: string }).recordId === henanRecordId),
      60_000,
    );
    const atHenanQueue = queued.body.items!.find((a) => (a.target as { recordId?: string }).recordId === henanRecordId)!;
    expect(atHenanQueue).toMatchObject({ decidingRegion: body.region, origin: { partnerRegion: '420000', reference: hubeiApplicationId } });
    const approved = await atHenan(`/api/v1/repair-applications/${atHenanQueue.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '已纠正超限运输违法行为并缴清罚款，同意修复' },
    });
    expect(approved.status).toBe(200);

    // Back in Hubei: approved with Henan's reason and unit; the record's repaired version is Hubei's too.
    const answered = await eventually(
      () => atHubei('/api/v1/repair-applications?status=approved'),
      (r) => (r.body.items ?? []).some((a) => a.id === hubeiApplicationId),
      60_000,
    );
    expect(answered.body.items!.find((a) => a.id === hubeiApplicationId)).toMatchObject({
      forwardedTo: { region: '410000' },
      decision: { outcome: 'approved', reason: '已纠正超限运输违法行为并缴清罚款，同意修复', decidedBy: '410000:zhengzhou' },
    });
    const again = await eventually(apply, (r) => r.body.code === 'REPAIR.ALREADY_REPAIRED', 30_000);
    expect(again.status).toBe(409);
  });
});
