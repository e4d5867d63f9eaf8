import { addMonths, chinaDateOf } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { startHubeiFollowing } from '../support/two-provinces';

type Json = Record<string, unknown> & { code?: string; id?: string; status?: string };
interface HeldRecord {
  id: string;
  status: string;
  documentNumber: string;
  partner?: { region: string; sourceReference: string; agreement: string };
  publicSummary?: string;
  payload: Record<string, unknown>;
  history: { version: number; status: string; change: string; reason: string }[];
}
interface Profile {
  penalties?: { documentNumber: string; summary: string }[];
}

// A page of Henan's feed reads joint measures' entries and disclosure's published records (ADR 0079); repair decides repairs.
const HENAN_APPS = ['gateway', 'collection', 'joint-measures', 'disclosure', 'repair'];
const REVOCATION_REASON = '处罚决定已被依法撤销';
const COMMITMENT = '本单位已纠正超限运输违法行为、缴清罚款，承诺今后依法诚信经营（信用承诺书）';

/*
 * Issue 20 item 7, records (ADR 0086): "a record shared by one is visible to the other; a repair
 * at the source withdraws it at the partner". Zhengzhou (Henan, 410000) fines a carrier registered
 * in Wuhan (USCC 420100); Henan publishes it and its signed feed carries it to Hubei (420000), whose
 * agreement with Henan holds Henan's records. Hubei holds it as Henan's record (provenance: Henan,
 * the Henan record id as reference, the agreement), public facts and summary only, and its own
 * disclosure shows it on the carrier's profile. Henan revokes it: withdrawn at Hubei with Henan's
 * reason, gone from Hubei's profile. Reading Henan's feed again from the start changes nothing.
 * A repair Henan approves withdraws its record at Hubei the same way (repaired there too).
 */
describe('two provinces: Henan’s published records held at Hubei from its feed', () => {
  let henan: RunningPlatform;
  let hubei: RunningPlatform;
  let zhengzhou: string;
  let hubeiAdmin: string;
  let hubeiReader: string;

  beforeAll(async () => {
    henan = await startPlatform(HENAN_APPS);
    hubei = await startHubeiFollowing(henan, ['gateway', 'joint-measures', 'collection', 'disclosure'], {
      lists: [{ listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 24 }],
      records: { subjects: 'any' },
    });
    zhengzhou = await henan.token('zhengzhou');
    hubeiAdmin = await hubei.token('yangtze-regulator');
    // Records read back by region (ADR 0041): a Hubei client whose region covers the deciding region 410100.
    hubeiReader = await hubei.token('henan');
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
    () => hubeiReader,
  );
  const hubeiProfile = async (uscc: string): Promise<Profile> => {
    const response = await fetch(`${hubei.gatewayUrl}/public/v1/subjects/${uscc}`);
    return response.status === 200 ? ((await response.json()) as Profile) : {};
  };
  const heldAtHubei = async (henanRecordId: string): Promise<HeldRecord | undefined> => {
    const [row]: { id: string }[] = await hubei.db.query(`SELECT id FROM collection.credit_records WHERE partner_reference = $1`, [henanRecordId]);
    if (!row) return undefined;
    const read = await atHubei(`/api/v1/credit-records/${row.id}`);
    return read.status === 200 ? (read.body as unknown as HeldRecord) : undefined;
  };
  /** Zhengzhou's penalty about a fresh Wuhan carrier, held at Hubei once Henan's feed carried it. */
  async function heldFromHenan(name: string, decisionDate?: string) {
    const carrier = { kind: 'org', id: makeUscc('420100'), name };
    const body = creditRecordBody({ subject: carrier, severity: 'general', ...(decisionDate ? { decisionDate } : {}) });
    // The violation's kind decides whether a repair needs a commitment only (DOMAIN.md §5), as in the repair e2e.
    body.payload = { ...body.payload, violationType: '超限运输' };
    const decided = await atHenan('/api/v1/credit-records', { method: 'POST', body });
    expect(decided.status).toBe(201);
    const henanRecordId = decided.body.id as string;
    const held = await eventually(
      () => heldAtHubei(henanRecordId),
      (r) => r !== undefined,
      60_000,
    );
    return { carrier, body, henanRecordId, held };
  }
  const onHubeiProfile = async (uscc: string, documentNumber: string, shown: boolean) => {
    const profile = await eventually(
      () => hubeiProfile(uscc),
      (p) => (p.penalties ?? []).some((x) => x.documentNumber === documentNumber) === shown,
      60_000,
    );
    return (profile.penalties ?? []).find((x) => x.documentNumber === documentNumber);
  };
  const feedState = async () =>
    (
      (
        await gatewayApi<Json>(
          () => hubei,
          () => hubeiAdmin,
        )('/api/v1/admin/partner-feeds')
      ).body.items as { partnerRegion: string; cursor: string | null; head: string | null; pagesApplied: number }[]
    ).find((f) => f.partnerRegion === '410000')!;

  it('a penalty Henan publishes about a Hubei carrier is held at Hubei as Henan’s and shown on its profile; Henan’s revocation withdraws it; a replay changes nothing', async () => {
    const { carrier, body, henanRecordId, held } = await heldFromHenan('武汉跨省处罚测试运输有限公司');
    // Held at Hubei as Henan's record: Henan's provenance and record id, the public facts and summary, no payload.
    expect(held).toMatchObject({
      status: 'active',
      documentNumber: body.documentNumber,
      partner: { region: '410000', sourceReference: henanRecordId, agreement: 'henan-demo' },
      publicSummary: body.payload.facts,
      payload: {},
    });
    // Hubei's own disclosure publishes it on the carrier's profile.
    expect(await onHubeiProfile(carrier.id, body.documentNumber, true)).toMatchObject({ summary: body.payload.facts });

    // Henan revokes it: withdrawn at Hubei with Henan's reason, gone from Hubei's profile.
    const revoked = await atHenan(`/api/v1/credit-records/${henanRecordId}/revocation`, { method: 'POST', body: { reason: REVOCATION_REASON } });
    expect(revoked.status).toBe(200);
    const withdrawn = await eventually(
      () => heldAtHubei(henanRecordId),
      (r) => r?.status === 'revoked',
      60_000,
    );
    expect(withdrawn?.status).toBe('revoked');
    expect(withdrawn!.history.at(-1)).toMatchObject({ change: 'revoked', reason: `withdrawn at the source: revoked: ${REVOCATION_REASON}` });
    expect(await onHubeiProfile(carrier.id, body.documentNumber, false)).toBeUndefined();

    // Henan's feed read again from the start (at least once): each record once, nothing changes.
    const caughtUp = await eventually(feedState, (f) => f.cursor !== null && f.cursor === f.head, 30_000);
    expect(caughtUp.cursor).toBe(caughtUp.head);
    await hubei.db.query(`UPDATE gateway.partner_feed_cursors SET cursor = NULL WHERE partner_region = '410000'`);
    const again = await eventually(feedState, (f) => f.pagesApplied > caughtUp.pagesApplied && f.cursor === f.head, 30_000);
    expect(again.pagesApplied).toBeGreaterThan(caughtUp.pagesApplied);
    const afterReplay = await heldAtHubei(henanRecordId);
    expect(afterReplay).toMatchObject({ status: 'revoked' });
    expect(afterReplay!.history).toEqual(withdrawn!.history);
    const copies: { n: number }[] = await hubei.db.query(`SELECT count(*)::int AS n FROM collection.credit_records WHERE partner_reference = $1`, [
      henanRecordId,
    ]);
    expect(copies).toEqual([{ n: 1 }]);
    const letters = await gatewayApi<Json>(
      () => hubei,
      () => hubeiAdmin,
    )('/api/v1/admin/partner-feeds/dead-letters?partner=410000');
    expect(((letters.body.items ?? []) as { changeId: string }[]).filter((l) => l.changeId.startsWith(`record:${henanRecordId}:`))).toEqual([]);
  });

  it('a repair Henan approves withdraws its record at Hubei: repaired there with Henan’s reason, gone from Hubei’s profile', async () => {
    // A general penalty may be repaired once 3 months from its decision are over (DOMAIN.md §5): four months ago.
    const { carrier, body, henanRecordId } = await heldFromHenan('武汉跨省修复撤回测试运输有限公司', addMonths(chinaDateOf(new Date()), -4));
    await onHubeiProfile(carrier.id, body.documentNumber, true);
    const filed = await eventually(
      () => atHenan('/api/v1/repair-applications', { method: 'POST', body: { target: henanRecordId, commitment: COMMITMENT } }),
      (r) => r.status !== 404,
      30_000,
    );
    expect(filed.status).toBe(201);
    const approved = await atHenan(`/api/v1/repair-applications/${filed.body.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '已纠正违法行为并作出信用承诺，同意修复' },
    });
    expect(approved.status).toBe(200);
    const repaired = await eventually(
      () => heldAtHubei(henanRecordId),
      (r) => r?.status === 'repaired',
      60_000,
    );
    expect(repaired?.status).toBe('repaired');
    expect(repaired!.history.at(-1)).toMatchObject({ change: 'repaired', reason: 'withdrawn at the source: repair' });
    expect(await onHubeiProfile(carrier.id, body.documentNumber, false)).toBeUndefined();
  });
});
