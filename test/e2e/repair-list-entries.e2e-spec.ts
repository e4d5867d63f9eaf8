import { chinaDateOf, WorkingDayCalendar } from '@domain/calendar';
import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; id?: string; status?: string };
interface Entry {
  id: string;
  listType: string;
  status: string;
  removal: { reason: string; removedOn: string; detail: string } | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

/*
 * Repairing a list entry (issue 19 items 2 and 7): DOMAIN.md §5 "Effect: … measures are lifted.
 * Severe-list removals stop publication within 3 working days." A carrier listed on the
 * severe-dishonesty list (严重失信主体名单) by the Zhengzhou unit (410100: whoever listed it decides,
 * 谁认定、谁修复) applies with a commitment; approved, joint measures removes the entry (reason
 * `repair`) and disclosure stops publishing it — the removal dated no later than the third working
 * day after the approval on the working-day calendar. No minimum period applies to list entries
 * (placeholder: DOMAIN.md gives none).
 */
describe('repair of a list entry: a severe-dishonesty entry lifted and unpublished within 3 working days', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let luoyang: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures', 'disclosure', 'repair']);
    zhengzhou = await platform.token('zhengzhou');
    luoyang = await platform.token('luoyang');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );
  const profileLists = (uscc: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) =>
      r.ok ? (((await r.json()) as { lists?: { listType: string }[] }).lists ?? []) : [],
    );
  const entriesOf = (uscc: string) => api(`/api/v1/subjects/${uscc}/list-entries`).then((r) => (r.body.entries ?? []) as Entry[]);
  const COMMITMENT = '本单位已纠正失信行为、履行相关义务，承诺今后依法诚信经营（信用承诺书）';

  /** The public-lists scenario: a false-materials oversize finding proposes a severe-dishonesty entry; confirmed after notice. */
  async function listedCarrier() {
    const carrier = { kind: 'org', id: makeUscc('410100'), name: '郑州名单修复测试运输有限公司' };
    expect((await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject: carrier }) })).status).toBe(201);
    const finding = await api('/api/v1/credit-records', {
      method: 'POST',
      body: {
        ...creditRecordBody({ subject: carrier }),
        recordType: 'oversize-transport-violation',
        payload: {
          violationType: 'false-materials',
          permitNumber: '豫超限〔2026〕0299',
          detectedAt: '2026-11-18T10:00:00+08:00',
          detectedBy: 'application-review',
          plate: '豫A9F322',
          plateColour: 'yellow',
        },
      },
    });
    expect(finding.status).toBe(201);
    const [proposed] = await eventually(
      () => entriesOf(carrier.id),
      (e) => e.length === 1,
    );
    expect(proposed.listType).toBe('severe-dishonesty');
    // Time is moved by data: the prior-notice period (事前告知) ended.
    await platform.db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = current_date - 2 WHERE id = $1`, [proposed.id]);
    const confirmed = await api(`/api/v1/list-entries/${proposed.id}/decision`, {
      method: 'POST',
      body: { outcome: 'confirm', documentNumber: '郑交信〔2026〕31号' },
    });
    expect(confirmed.status).toBe(200);
    await eventually(
      () => profileLists(carrier.id),
      (l) => l.length === 1,
    );
    return { carrier, entryId: proposed.id };
  }

  it('applied for, refused to another region, approved by the listing unit: removed for repair and gone from public view', async () => {
    const { carrier, entryId } = await listedCarrier();
    const filed = await eventually(
      () => api('/api/v1/repair-applications', { method: 'POST', body: { target: entryId, commitment: COMMITMENT } }),
      (r) => r.status !== 404,
      30_000,
    );
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      status: 'pending',
      mode: 'repair-commitment',
      decidingRegion: '410100',
      target: { kind: 'list-entry', entryId, listType: 'severe-dishonesty' },
    });
    const again = await api('/api/v1/repair-applications', { method: 'POST', body: { target: entryId, commitment: COMMITMENT } });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'REPAIR.ALREADY_APPLIED' });

    const applicationId = filed.body.id as string;
    const foreign = await api(`/api/v1/repair-applications/${applicationId}/decision`, {
      method: 'POST',
      token: luoyang,
      body: { outcome: 'approved', reason: '同意' },
    });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 403, code: 'REPAIR.NOT_DECIDING_AUTHORITY' });
    const approved = await api(`/api/v1/repair-applications/${applicationId}/decision`, {
      method: 'POST',
      body: { outcome: 'approved', reason: '已纠正失信行为并作出信用承诺，同意移出严重失信主体名单' },
    });
    expect(approved.status).toBe(200);
    const approvedOn = chinaDateOf(new Date((approved.body.decision as { decidedAt: string }).decidedAt));

    const [removed] = await eventually(
      () => entriesOf(carrier.id),
      (e) => e[0]?.status === 'removed',
      30_000,
    );
    expect(removed.removal).toMatchObject({ reason: 'repair', detail: expect.stringContaining(applicationId) });
    // DOMAIN.md §5: within 3 working days of the approval (the working-day calendar, 《行政许可法》第八十二条).
    const latest = new WorkingDayCalendar({ unknownYears: 'weekdays' }).deadline(approvedOn, 3).date;
    expect(removed.removal!.removedOn <= latest).toBe(true);
    expect(
      await eventually(
        () => profileLists(carrier.id),
        (l) => l.length === 0,
        30_000,
      ),
    ).toEqual([]);
    const list = (await fetch(`${platform.gatewayUrl}/public/v1/lists/severe-dishonesty`).then((r) => r.json())) as { entries?: { subject: { id: string } }[] };
    expect(list.entries?.map((e) => e.subject.id)).not.toContain(carrier.id);

    // The entry is no longer in force (repair's copy follows measures.list-entries.removed): a new application is refused.
    const after = await eventually(
      () => api('/api/v1/repair-applications', { method: 'POST', body: { target: entryId, commitment: COMMITMENT } }),
      (r) => r.body.code === 'REPAIR.RECORD_NOT_IN_FORCE',
      30_000,
    );
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 409, code: 'REPAIR.RECORD_NOT_IN_FORCE' });

    // The commitment proves false: the listing unit revokes the repair, and the entry's early removal is
    // undone (DOMAIN.md §5; ADR 0065, 0076): in force again with its original period, announced as
    // measures.list-entries.effective (disclosure's relisting of a removed entry is its own change, ADR 0076).
    const revoked = await api(`/api/v1/repair-applications/${applicationId}/revocation`, {
      method: 'POST',
      body: { reason: '信用承诺不实：仍存在超限运输行为' },
    });
    expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked' } });
    const [restored] = await eventually(
      () => entriesOf(carrier.id),
      (e) => e[0]?.status === 'effective',
      30_000,
    );
    expect(restored).toMatchObject({ id: entryId, status: 'effective', removal: null, startsOn: removed.startsOn, endsOn: removed.endsOn });
    const announced = await eventually(
      () =>
        platform.db.query<{ status: string }>(
          `SELECT envelope->'data'->>'status' AS status FROM joint_measures.outbox WHERE subject = 'measures.list-entries.effective' AND envelope->'data'->>'entryId' = $1 ORDER BY seq`,
          [entryId],
        ),
      (rows) => rows.length === 2,
      30_000,
    );
    expect(announced).toEqual([{ status: 'effective' }, { status: 'effective' }]);
    const twice = await api(`/api/v1/repair-applications/${applicationId}/revocation`, { method: 'POST', body: { reason: '再次撤销' } });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'REPAIR.NOT_REVOCABLE' });
  }, 120_000);
});
