import { creditRecordBody, makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface ListEntry {
  listType: string;
  subject: { kind: string; id: string; name: string };
  documentNumber: string;
  startsOn: string;
  publicationId: string;
}
type Json = Record<string, unknown> & { code?: string };

/** Disclosure issue: published lists and list memberships on the profile, from joint measures' entries in force. */
describe('published credit lists', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures', 'disclosure']);
    zhengzhou = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );
  const publicList = (type: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/lists/${type}`).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Json & { entries?: ListEntry[] },
    }));
  const profileLists = (uscc: string) =>
    fetch(`${platform.gatewayUrl}/public/v1/subjects/${uscc}`).then(async (r) => (r.ok ? (((await r.json()) as { lists?: ListEntry[] }).lists ?? []) : []));

  it('publishes a confirmed severe-dishonesty entry, logs it, and withdraws it when its basis is revoked', async () => {
    const carrier = { kind: 'org', id: makeUscc(), name: '郑州名单测试运输有限公司' };
    expect((await api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody({ subject: carrier }) })).status).toBe(201);
    const finding = await api('/api/v1/credit-records', {
      method: 'POST',
      body: {
        ...creditRecordBody({ subject: carrier }),
        recordType: 'oversize-transport-violation',
        payload: {
          violationType: 'false-materials',
          permitNumber: '豫超限〔2026〕0199',
          detectedAt: '2026-11-18T10:00:00+08:00',
          detectedBy: 'application-review',
          plate: '豫A9F321',
          plateColour: 'yellow',
        },
      },
    });
    expect(finding.status).toBe(201);
    const entries = await eventually(
      () => api(`/api/v1/subjects/${carrier.id}/list-entries`).then((r) => (r.body.entries ?? []) as { id: string; status: string }[]),
      (e) => e.length === 1,
    );
    expect(await profileLists(carrier.id)).toEqual([]); // proposed is not published
    // Time is moved by data: the prior-notice period (事前告知) ended yesterday.
    await platform.db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = current_date - 2 WHERE id = $1`, [entries[0].id]);
    const confirmed = await api(`/api/v1/list-entries/${entries[0].id}/decision`, {
      method: 'POST',
      body: { outcome: 'confirm', documentNumber: '郑交信〔2026〕21号' },
    });
    expect(confirmed.status).toBe(200);

    const [shown] = await eventually(
      () => profileLists(carrier.id),
      (l) => l.length === 1,
    );
    expect(shown).toMatchObject({
      listType: 'severe-dishonesty',
      subject: { kind: 'org', id: carrier.id, name: carrier.name },
      documentNumber: '郑交信〔2026〕21号',
    });
    expect((await publicList('severe-dishonesty')).body.entries?.map((e) => e.subject.id)).toContain(carrier.id);
    const logged = await eventually(
      () =>
        fetch(`${platform.gatewayUrl}/public/v1/publication-log/items/${shown.publicationId}`).then(async (r) =>
          (((await r.json()) as { entries?: { event: string }[] }).entries ?? []).map((e) => e.event),
        ),
      (events) => events.length === 1,
    );
    expect(logged).toEqual(['listed']);

    expect((await api(`/api/v1/credit-records/${finding.body.id as string}/revocation`, { method: 'POST', body: { reason: '认定有误' } })).status).toBe(200);
    expect(
      await eventually(
        () => profileLists(carrier.id),
        (l) => l.length === 0,
      ),
    ).toEqual([]);
    expect((await publicList('severe-dishonesty')).body.entries?.map((e) => e.subject.id)).not.toContain(carrier.id);
    const after = await eventually(
      () =>
        fetch(`${platform.gatewayUrl}/public/v1/publication-log/items/${shown.publicationId}`).then(async (r) =>
          (((await r.json()) as { entries?: { event: string }[] }).entries ?? []).map((e) => e.event),
        ),
      (events) => events.length === 2,
    );
    expect(after).toEqual(['listed', 'delisted']);
    expect(((await fetch(`${platform.gatewayUrl}/public/v1/publication-log`).then((r) => r.json())) as { intact: boolean }).intact).toBe(true);
  }, 60_000);

  it('refuses lists that are not published and made-up cursors with a 4xx', async () => {
    for (const type of ['interception-whitelist', 'grey', '%27%3B--']) {
      const result = await publicList(type);
      expect({ status: result.status, code: result.body.code }).toEqual({ status: 404, code: 'PUBLIC.UNKNOWN_LIST' });
    }
    const badCursor = await fetch(`${platform.gatewayUrl}/public/v1/lists/red?cursor=abc`);
    expect(badCursor.status).toBe(400);
    expect((await publicList('red')).status).toBe(200);
  });
});
