import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { registerSubjects } from '../support/registry';
import { startHubeiFollowing } from '../support/two-provinces';

type Json = Record<string, unknown> & { code?: string; id?: string; status?: string; items?: PartnerEntry[] };
interface PartnerEntry {
  id: string;
  listType: string;
  status: string;
  region: string;
  subject: { id: string };
  provenance: { partnerRegion: string; partnerName: string; sourceReference: string } | null;
  recognition: { outcome: string; agreement: string | null } | null;
  removal: { reason: string; detail: string } | null;
  startsOn: string | null;
  endsOn: string | null;
  inForce: boolean;
  version: number;
  sourceVersion: number | null;
  partnerUpdates: { sourceVersion: number; change: string; detail: string }[];
  decision: { documentNumber: string } | null;
}

// Disclosure too: a page of Henan's feed reads its published records (ADR 0079); permits for the cross-province permit.
const HENAN_APPS = ['gateway', 'collection', 'joint-measures', 'repair', 'disclosure', 'permits'];
const COMMITMENT = '本单位已纠正失信行为、履行相关义务，承诺今后依法诚信经营（信用承诺书）';

/*
 * Two provinces on one machine (issue 20 item 7): Henan (410000) and Hubei (420000) each run their
 * own platform — own database, ports, NATS namespace, signing key and issuer. Hubei follows Henan's
 * signed change feed as a client Henan registered (`hubei-partner`), under its agreement with Henan
 * (ADR 0080). What must hold (issue 20): an entry Henan decides about a Hubei-registered carrier
 * shows up in Hubei as Henan's, with Henan's provenance, never as Hubei's own decision; a repair at
 * the source withdraws it at the partner; a partner that was down is caught up without loss or
 * duplicates; a cross-province permit from Henan through Hubei is approved by Hubei's instance (its
 * permit office, through its own gateway's relay) and issued by Henan's. Time is moved by data (the
 * prior-notice period), never by waiting.
 */
describe('two provinces: Hubei follows Henan’s change feed', () => {
  let henan: RunningPlatform;
  let hubei: RunningPlatform;
  let zhengzhou: string;
  let hubeiAdmin: string;

  beforeAll(async () => {
    henan = await startPlatform(HENAN_APPS);
    // Henan's severe-dishonesty and key-watch decisions apply in Hubei about any subject (Henan shares
    // entries about carriers registered in Hubei, so `partner-registered` would exclude them). The
    // outage below lasts seconds, not an hour: the backoff's cap keeps the catch-up within them.
    hubei = await startHubeiFollowing(
      henan,
      ['gateway', 'joint-measures'],
      {
        lists: [
          { listType: 'severe-dishonesty', subjects: 'any', effect: 'apply', maxTermMonths: 36 },
          { listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 24 },
        ],
      },
      { maxBackoffSeconds: 2 },
    );
    zhengzhou = await henan.token('zhengzhou');
    hubeiAdmin = await hubei.token('yangtze-regulator');
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
    () => hubeiAdmin,
  );
  const henanEntriesAtHubei = async () =>
    ((await atHubei('/api/v1/partner-list-entries')).body.items ?? []).filter((e) => e.provenance?.partnerRegion === '410000');
  const feedState = async () =>
    (await atHubei('/api/v1/admin/partner-feeds')).body.items as unknown as {
      partnerRegion: string;
      cursor: string | null;
      head: string | null;
      lastFailure: string | null;
    }[];

  /** Zhengzhou finds false materials in a Hubei carrier's oversize application: severe-dishonesty, proposed then confirmed after notice. */
  async function listedAtHenan(name: string): Promise<{ uscc: string; entryId: string }> {
    const carrier = { kind: 'org', id: makeUscc('420100'), name };
    const finding = await atHenan('/api/v1/credit-records', {
      method: 'POST',
      body: {
        ...creditRecordBody({ subject: carrier }),
        recordType: 'oversize-transport-violation',
        payload: {
          violationType: 'false-materials',
          permitNumber: '豫超限〔2026〕0311',
          detectedAt: '2026-11-18T10:00:00+08:00',
          detectedBy: 'application-review',
          plate: '鄂A9F322',
          plateColour: 'yellow',
        },
      },
    });
    expect(finding.status).toBe(201);
    const [proposed] = await eventually(
      async () => ((await atHenan(`/api/v1/subjects/${carrier.id}/list-entries`)).body.entries ?? []) as PartnerEntry[],
      (e) => e.length === 1,
      30_000,
    );
    await henan.db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = current_date - 2 WHERE id = $1`, [proposed.id]);
    const confirmed = await atHenan(`/api/v1/list-entries/${proposed.id}/decision`, {
      method: 'POST',
      body: { outcome: 'confirm', documentNumber: '郑交信〔2026〕41号' },
    });
    expect(confirmed.status).toBe(200);
    return { uscc: carrier.id, entryId: proposed.id };
  }

  /** Henan's unit approves the carrier's repair of the entry; answers the application's id. */
  async function repairedAtHenan(entryId: string): Promise<string> {
    const filed = await eventually(
      () => atHenan('/api/v1/repair-applications', { method: 'POST', body: { target: entryId, commitment: COMMITMENT } }),
      (r) => r.status !== 404,
      30_000,
    );
    expect(filed.status).toBe(201);
    const approved = await atHenan(`/api/v1/repair-applications/${filed.body.id as string}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '已纠正失信行为并作出信用承诺，同意移出严重失信主体名单' },
    });
    expect(approved.status).toBe(200);
    return filed.body.id as string;
  }

  it('an entry Henan decides about a Hubei carrier is in force at Hubei as Henan’s; Henan’s repair withdraws it there', async () => {
    const { uscc, entryId } = await listedAtHenan('武汉跨省名单测试运输有限公司');
    const [held] = await eventually(
      async () => (await henanEntriesAtHubei()).filter((e) => e.provenance?.sourceReference === entryId),
      (e) => e.length === 1,
      60_000,
    );
    expect(held).toMatchObject({
      listType: 'severe-dishonesty',
      status: 'effective',
      region: '410100',
      subject: { id: uscc },
      provenance: { partnerRegion: '410000', partnerName: '河南省交通运输厅', sourceReference: entryId },
      recognition: { outcome: 'applied', agreement: 'henan-demo' },
    });
    // Its decision is Henan's decision number (what the public sees as 决定文号), not the entry id the feed references it by.
    expect(held.decision).toMatchObject({ documentNumber: '郑交信〔2026〕41号' });

    await repairedAtHenan(entryId);
    const [withdrawn] = await eventually(
      async () => (await henanEntriesAtHubei()).filter((e) => e.provenance?.sourceReference === entryId),
      (e) => e[0]?.status === 'removed',
      60_000,
    );
    expect(withdrawn.removal).toMatchObject({ reason: 'partner-withdrawn', detail: expect.stringContaining('repair') });
  }, 180_000);

  // ADR 0087: a newer in-force version of an entry Hubei holds updates it there instead of being dead-lettered.
  it('Henan withdraws an entry (repair) and restores it (the repair revoked): the entry Hubei holds is in force again, with why', async () => {
    const { uscc, entryId } = await listedAtHenan('武汉撤销修复测试运输有限公司');
    const ofEntry = async () => (await henanEntriesAtHubei()).filter((e) => e.provenance?.sourceReference === entryId);
    const [held] = await eventually(ofEntry, (e) => e[0]?.status === 'effective', 60_000);
    expect(held.status).toBe('effective');
    const applicationId = await repairedAtHenan(entryId);
    const [withdrawn] = await eventually(ofEntry, (e) => e[0]?.status === 'removed', 60_000);
    expect(withdrawn).toMatchObject({ id: held.id, status: 'removed', removal: { reason: 'partner-withdrawn' } });

    // The commitment proves false: Henan revokes the repair, its entry is back with its original period (DOMAIN.md §5).
    const revoked = await atHenan(`/api/v1/repair-applications/${applicationId}/revocation`, {
      method: 'POST',
      body: { reason: '信用承诺不实：仍存在超限运输行为' },
    });
    expect(revoked.status).toBe(200);
    const [atSource] = await eventually(
      async () => (((await atHenan(`/api/v1/subjects/${uscc}/list-entries`)).body.entries ?? []) as PartnerEntry[]).filter((e) => e.id === entryId),
      (e) => e[0]?.status === 'effective',
      30_000,
    );
    expect(atSource).toMatchObject({ status: 'effective', removal: null });
    const [restored] = await eventually(ofEntry, (e) => e[0]?.status === 'effective', 60_000);
    // The same entry at Hubei, in force again for Henan's period (what Henan sent, not the agreement's
    // maximum term), at Henan's version, and the audit says why it is back.
    expect(restored).toMatchObject({
      id: held.id,
      status: 'effective',
      inForce: true,
      removal: null,
      startsOn: atSource.startsOn,
      endsOn: atSource.endsOn,
      sourceVersion: atSource.version,
      partnerUpdates: [expect.objectContaining({ sourceVersion: atSource.version, change: 'restored' })],
    });
    expect(restored.partnerUpdates[0].detail).toContain('河南省交通运输厅');
    // Applied, not dead-lettered for review.
    const letters = (await atHubei('/api/v1/admin/partner-feeds/dead-letters?partner=410000')).body.items as unknown as { changeId: string }[];
    expect(letters.filter((l) => l.changeId.startsWith(`list-entry:${entryId}:`))).toEqual([]);
  }, 240_000);

  it('Hubei down while Henan decides: caught up from its stored cursor, each entry once', async () => {
    await hubei.halt('gateway');
    const while1 = await listedAtHenan('武汉停机期间测试运输有限公司一');
    const while2 = await listedAtHenan('武汉停机期间测试运输有限公司二');
    await hubei.restart('gateway');
    const entries = await eventually(
      henanEntriesAtHubei,
      (e) => [while1, while2].every((w) => e.some((x) => x.provenance?.sourceReference === w.entryId && x.status === 'effective')),
      60_000,
    );
    const references = entries.map((e) => e.provenance!.sourceReference);
    expect(new Set(references).size).toBe(references.length);
  }, 240_000);

  it('a cross-province permit from Henan through Hubei: approved by Hubei’s instance, issued by Henan’s', async () => {
    // Zhengzhou → Wuhan, 4.4 m × 3.5 m × 22 m, 51 t on 6 axles (the permit-approvals scenario, ADR 0063), accepted in Henan.
    const carrier = makeUscc('410100');
    await registerSubjects(henan, [{ kind: 'org', id: carrier, sectors: ['oversize-transport'], region: '410100' }]);
    const line = (coordinates: number[][]) => ({ type: 'LineString', coordinates });
    const window = await henan.token('zhengzhou-permits');
    const applied = await eventually(
      () =>
        atHenan('/api/v1/permit-applications', {
          method: 'POST',
          token: window,
          body: {
            carrierUscc: carrier,
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
                  geometry: line([
                    [113.62, 34.75],
                    [114.07, 32.12],
                  ]),
                },
                {
                  province: '420000',
                  geometry: line([
                    [114.07, 32.12],
                    [114.3, 30.59],
                  ]),
                },
              ],
            },
            window: { from: '2026-12-10', to: '2026-12-12' },
            speedKmh: 60,
            trips: 'single',
            commitment: true,
          },
        }),
      (r) => r.body.code !== 'PERMIT_APPLICATION.UNKNOWN_CARRIER',
    );
    expect(applied).toMatchObject({ status: 201, body: { status: 'accepted' } });
    const applicationId = applied.body.id as string;

    // Hubei's permit office, on Hubei's own deployment, sees what Henan waits for.
    const office = await hubei.token('hubei-permits');
    const pending = await atHubei('/api/v1/partner-permit-approvals?partner=410000', { token: office });
    expect(pending.status).toBe(200);
    expect(
      ((pending.body.items ?? []) as unknown as { applicationId: string; province: string }[]).find((i) => i.applicationId === applicationId),
    ).toMatchObject({
      province: '420000',
      originProvince: '410000',
    });
    // Below province level, Wuhan does not answer for Hubei.
    const city = await atHubei('/api/v1/partner-permit-approvals', {
      method: 'POST',
      token: await hubei.token('wuhan-permits'),
      body: { partner: '410000', applicationId, decision: 'approve' },
    });
    expect({ status: city.status, code: city.body.code }).toEqual({ status: 403, code: 'EXCHANGE.PROVINCE_ONLY' });

    const approved = await atHubei('/api/v1/partner-permit-approvals', {
      method: 'POST',
      token: office,
      body: { partner: '410000', applicationId, decision: 'approve' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.approvals).toMatchObject([
      { province: '410000', state: 'origin' },
      { province: '420000', state: 'approved' },
    ]);
    // Henan's own rules answer a second one, its code relayed unchanged.
    const again = await atHubei('/api/v1/partner-permit-approvals', {
      method: 'POST',
      token: office,
      body: { partner: '410000', applicationId, decision: 'refuse', reason: '改变主意' },
    });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'PERMIT_APPROVAL.ALREADY_ANSWERED' });

    const issued = await atHenan(`/api/v1/permit-applications/${applicationId}/decision`, { method: 'POST', token: window, body: { outcome: 'issue' } });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ application: { decision: 'issued' }, permit: { route: { provinces: ['410000', '420000'] } } });
  }, 120_000);

  it('Henan down for a while: Hubei backs off, records why, and catches up once Henan is back, without loss or duplicates', async () => {
    const before = await listedAtHenan('武汉伙伴停机测试运输有限公司');
    // Hubei holds it before Henan goes down, so what Henan withdraws meanwhile has something to withdraw.
    const held = await eventually(
      henanEntriesAtHubei,
      (e) => e.some((x) => x.provenance?.sourceReference === before.entryId && x.status === 'effective'),
      30_000,
    );
    expect(held.filter((x) => x.provenance?.sourceReference === before.entryId).map((x) => x.status)).toEqual(['effective']);
    await Promise.all(HENAN_APPS.map((app) => henan.halt(app)));
    // Hubei notices: the partner is unreachable (recorded on its feed state), nothing moves.
    const [down] = await eventually(feedState, (s) => s[0]?.lastFailure?.includes('unavailable') ?? false, 60_000);
    expect(down.partnerRegion).toBe('410000');
    await Promise.all(HENAN_APPS.map((app) => henan.restart(app)));
    await repairedAtHenan(before.entryId);
    const after = await listedAtHenan('武汉伙伴恢复后测试运输有限公司');
    const entries = await eventually(
      henanEntriesAtHubei,
      (e) =>
        e.some((x) => x.provenance?.sourceReference === before.entryId && x.status === 'removed') &&
        e.some((x) => x.provenance?.sourceReference === after.entryId && x.status === 'effective'),
      120_000,
    );
    // Caught up: Henan's withdrawal during the outage and its new entry both arrived (eventually returns its last value: asserted here).
    expect(
      entries.filter((x) => [before.entryId, after.entryId].includes(x.provenance!.sourceReference)).map((x) => [x.provenance!.sourceReference, x.status]),
    ).toEqual(
      expect.arrayContaining([
        [before.entryId, 'removed'],
        [after.entryId, 'effective'],
      ]),
    );
    const references = entries.map((e) => e.provenance!.sourceReference);
    expect(new Set(references).size).toBe(references.length);
    // Caught up: the stored cursor is Henan's head, and nothing went to the dead letters.
    const [state] = await eventually(feedState, (s) => s[0]?.cursor !== null && s[0]?.cursor === s[0]?.head && s[0]?.lastFailure === null, 60_000);
    expect(state.cursor).toBe(state.head);
    expect(((await atHubei('/api/v1/admin/partner-feeds/dead-letters')).body.items ?? []).length).toBe(0);
    // What ops watch (docs/exchange.md "Metrics"): the lag per partner, and the outage as unavailable pages.
    const metrics = await (await fetch(`${hubei.gatewayUrl}/metrics`)).text();
    expect(metrics).toMatch(/exchange_partner_feed_lag_seconds\{partner="410000"/);
    expect(metrics).toMatch(/exchange_partner_feed_pages_total\{partner="410000",outcome="unavailable"/);
  }, 300_000);
});
