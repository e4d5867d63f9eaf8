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
    // Henan's key-watch entries apply in Hubei about any subject; a repair Henan approved is asked about every second.
    hubei = await startHubeiFollowing(
      henan,
      ['gateway', 'joint-measures', 'collection', 'repair'],
      {
        lists: [{ listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 24 }],
        records: { subjects: 'any' },
      },
      { repairWatchIntervalSeconds: 1 },
    );
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

    // The carrier's rectification photo, uploaded in Hubei (ADR 0076); it travels with the application (ADR 0088).
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.from(hubeiRecordId)]);
    const uploaded = await fetch(`${hubei.gatewayUrl}/api/v1/repair-evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hubeiApplicant}`, 'content-type': 'application/octet-stream' },
      body: photo,
    });
    expect(uploaded.status).toBe(201);
    const evidence = [`sha256:${((await uploaded.json()) as { sha256: string }).sha256}`];

    // The carrier finds what it may repair where it is registered: Hubei's integrator lists Henan's
    // record among the subject's repair reminders (it is in no region of Hubei's own), eligible now.
    const reminders = await eventually(
      () => atHubei(`/api/v1/subjects/${carrier.id}/repair-reminders`),
      (r) => r.status === 200 && (r.body.items ?? []).some((i) => i.recordId === hubeiRecordId),
      30_000,
    );
    expect(reminders.body.items!.find((i) => i.recordId === hubeiRecordId)).toMatchObject({ eligibleNow: true });

    const apply = () => atHubei('/api/v1/repair-applications', { method: 'POST', body: { target: hubeiRecordId, commitment: COMMITMENT, evidence } });
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
    expect(atHenanQueue).toMatchObject({ decidingRegion: body.region, origin: { partnerRegion: '420000', reference: hubeiApplicationId }, evidence });
    // Zhengzhou's unit opens the photo in Henan: the same bytes.
    const download = await fetch(`${henan.gatewayUrl}/api/v1/repair-evidence/${evidence[0].slice('sha256:'.length)}`, {
      headers: { authorization: `Bearer ${zhengzhou}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true);
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

    // Henan finds the commitment false and revokes (issue 19 item 8, ADR 0088): revoked in Hubei too. The
    // record is back in force there (repair's copy follows collection's restored version), and the carrier
    // may not apply again for REPAIR_REVOCATION_BAR_MONTHS (12 by default) from today.
    const revocation = await atHenan(`/api/v1/repair-applications/${atHenanQueue.id as string}/revocation`, {
      method: 'POST',
      body: { reason: '整改材料不实，撤销信用修复' },
    });
    expect(revocation.status).toBe(200);
    const revoked = await eventually(
      () => atHubei('/api/v1/repair-applications?status=revoked'),
      (r) => (r.body.items ?? []).some((a) => a.id === hubeiApplicationId),
      60_000,
    );
    expect(revoked.body.items!.find((a) => a.id === hubeiApplicationId)).toMatchObject({
      decision: { outcome: 'approved' },
      revocation: { reason: '整改材料不实，撤销信用修复', revokedBy: '410000:zhengzhou', reapplyBarredUntil: addMonths(chinaDateOf(new Date()), 12) },
    });
    const barred = await eventually(apply, (r) => r.body.code !== 'REPAIR.ALREADY_REPAIRED', 30_000);
    expect({ status: barred.status, code: barred.body.code }).toEqual({ status: 422, code: 'REPAIR.REAPPLY_BARRED' });
  }, 120_000);

  /*
   * The same for a list entry (ADR 0088): Zhengzhou puts the Hubei carrier on its key-watch list;
   * Hubei recognises it from Henan's feed (Henan's provenance, Henan's entry id as the reference).
   * The carrier applies in Hubei; Henan's unit decides; the approval comes back and lifts the
   * measure in Hubei (removed, reason repair: DOMAIN.md §5). Henan then finds the commitment false
   * and revokes the repair (issue 19 item 8): Hubei revokes it too — the entry is in force again
   * and the carrier may not apply again for REPAIR_REVOCATION_BAR_MONTHS (12 by default) from today.
   */
  it('a Henan list entry: repaired on Hubei’s forwarded application, removed in Hubei; Henan revokes, restored and barred in Hubei', async () => {
    const carrier = { kind: 'org', id: makeUscc('420100'), name: '武汉跨省名单修复测试运输有限公司' };
    const finding = await atHenan('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject: carrier }) });
    expect(finding.status).toBe(201);
    const proposal = { subjectId: carrier.id, basisRecordIds: [finding.body.id as string], grounds: '一年内多次违法超限运输' };
    const proposed = await eventually(
      () => atHenan('/api/v1/lists/key-watch/entries', { method: 'POST', body: proposal }),
      (r) => r.status === 201,
      30_000,
    );
    expect(proposed.status).toBe(201);
    const henanEntryId = proposed.body.id as string;
    await henan.db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = current_date - 1 WHERE id = $1`, [henanEntryId]);
    const confirmed = await atHenan(`/api/v1/list-entries/${henanEntryId}/decision`, {
      method: 'POST',
      body: { outcome: 'confirm', documentNumber: '郑交信〔2026〕88号' },
    });
    expect(confirmed.status).toBe(200);

    const hubeiAdmin = await hubei.token('yangtze-regulator');
    const heldAtHubei = async () =>
      ((await atHubei('/api/v1/partner-list-entries', { token: hubeiAdmin })).body.items ?? []).find(
        (e) => (e.provenance as { sourceReference?: string } | null)?.sourceReference === henanEntryId,
      ) as { id: string; status: string; removal: { reason: string } | null } | undefined;
    const held = await eventually(heldAtHubei, (e) => e?.status === 'effective', 60_000);
    expect(held?.status).toBe('effective');
    const hubeiEntryId = held!.id;

    const apply = () => atHubei('/api/v1/repair-applications', { method: 'POST', body: { target: hubeiEntryId, commitment: COMMITMENT } });
    const filed = await eventually(apply, (r) => r.status !== 404, 30_000);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'forwarded', forwardedTo: { region: '410000' }, target: { kind: 'list-entry', entryId: hubeiEntryId } });
    const hubeiApplicationId = filed.body.id as string;
    // No Hubei unit decides it (here a province-level client of Hubei's with records:write).
    const local = await atHubei(`/api/v1/repair-applications/${hubeiApplicationId}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '同意' },
    });
    expect({ status: local.status, code: local.body.code }).toEqual({ status: 409, code: 'REPAIR.ROUTED_TO_PARTNER' });

    // In Henan: the listing unit's queue, about Henan's own entry, Hubei as origin.
    const aboutEntry = (a: Record<string, unknown>) => (a.target as { entryId?: string }).entryId === henanEntryId;
    const queued = await eventually(
      () => atHenan('/api/v1/repair-applications?status=pending'),
      (r) => (r.body.items ?? []).some(aboutEntry),
      60_000,
    );
    const atHenanQueue = (queued.body.items ?? []).find(aboutEntry)!;
    expect(atHenanQueue).toMatchObject({ target: { kind: 'list-entry' }, origin: { partnerRegion: '420000', reference: hubeiApplicationId } });
    const approved = await atHenan(`/api/v1/repair-applications/${atHenanQueue.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '已纠正违法行为并作出信用承诺，同意移出重点关注名单' },
    });
    expect(approved.status).toBe(200);

    // Back in Hubei: approved with Henan's unit, and the measure lifted — the entry removed for repair.
    const hubeiApplication = async (status: string) =>
      ((await atHubei(`/api/v1/repair-applications?status=${status}`)).body.items ?? []).find((a) => a.id === hubeiApplicationId);
    const answered = await eventually(() => hubeiApplication('approved'), Boolean, 60_000);
    expect(answered).toMatchObject({ decision: { outcome: 'approved', decidedBy: '410000:zhengzhou' } });
    const removed = await eventually(heldAtHubei, (e) => e?.status === 'removed' && e.removal?.reason === 'repair', 60_000);
    expect(removed).toMatchObject({ status: 'removed', removal: { reason: 'repair' } });

    // Henan revokes its approval: revoked in Hubei too, the entry in force again, the carrier barred.
    const revocation = await atHenan(`/api/v1/repair-applications/${atHenanQueue.id as string}/revocation`, {
      method: 'POST',
      body: { reason: '信用承诺不实，撤销信用修复' },
    });
    expect(revocation.status).toBe(200);
    const revoked = await eventually(() => hubeiApplication('revoked'), Boolean, 60_000);
    expect(revoked).toMatchObject({
      revocation: { reason: '信用承诺不实，撤销信用修复', revokedBy: '410000:zhengzhou', reapplyBarredUntil: addMonths(chinaDateOf(new Date()), 12) },
    });
    const restored = await eventually(heldAtHubei, (e) => e?.status === 'effective', 60_000);
    expect(restored).toMatchObject({ status: 'effective', removal: null });
    const barred = await apply();
    expect({ status: barred.status, code: barred.body.code }).toEqual({ status: 422, code: 'REPAIR.REAPPLY_BARRED' });
  }, 240_000);
});
