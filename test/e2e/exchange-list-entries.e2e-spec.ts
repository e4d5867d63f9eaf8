import { daysAgo, daysAhead } from '@platform/testing';
import { makeUscc } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string; code?: string }[] };
interface Entry {
  id: string;
  status: string;
  region: string;
  endsOn: string | null;
  inForce: boolean;
  sourceVersion: number | null;
  partnerUpdates: { sourceVersion: number; change: string }[];
  provenance: { partnerRegion: string } | null;
  recognition: { outcome: string; agreement: string | null; reason: string } | null;
  removal: { reason: string } | null;
}
interface PublicEntry {
  subject: { id: string };
  partner?: { region: string; name: string };
}

/**
 * Issue 20 item 1, the found defect: "An import about a Henan company, sent by the Hubei client,
 * took effect at once, appeared on Henan's own public key-watch list as if Henan had decided it,
 * and closed that company's commitment path in Henan. An import cannot be read back or withdrawn,
 * and without an end date it stays in force forever." Each half is checked here through the
 * gateway, against the shipped recognition agreement with Hubei (key-watch entries about subjects
 * registered in Hubei apply, for at most 24 months; apps/gateway/src/exchange/domain/shipped-agreements.ts).
 */
describe('partner list entries under recognition agreements (issue 20)', () => {
  let platform: RunningPlatform;
  let hubei: string;
  let suzhou: string;
  let permitWindow: string;
  let regulator: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures', 'disclosure']);
    [hubei, suzhou, permitWindow, regulator] = await Promise.all(
      ['hubei-partner', 'suzhou-partner', 'permit-window', 'regulator'].map((c) => platform.token(c)),
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => hubei,
  );
  const keyWatch = (subject: { kind: string; id: string; name: string }, changes: Record<string, unknown> = {}) => ({
    listType: 'key-watch',
    subject,
    provenance: {
      partnerRegion: '420000',
      partnerName: '湖北省交通运输厅',
      sourceReference: `鄂交信〔2026〕${subject.id.slice(8, 14)}号`,
      decidedOn: daysAgo(10),
    },
    startsOn: daysAgo(9),
    grounds: '湖北省重点关注名单',
    ...changes,
  });
  const send = (body: unknown, token = hubei) => api('/exchange/v1/list-entries', { method: 'POST', body, token });
  const publicKeyWatch = () =>
    fetch(`${platform.gatewayUrl}/public/v1/lists/key-watch?limit=200`).then(async (r) => ((await r.json()) as { entries?: PublicEntry[] }).entries ?? []);
  const decide = (subjectId: string) =>
    api('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene: 'permit.application' }, token: permitWindow });

  it('stores Hubei’s entry about a Henan company as not applied: not in force, not on our public list, reported to admins', async () => {
    const henanCompany = { kind: 'org', id: makeUscc('410100'), name: '郑州某运输有限公司' };
    const sent = await send(keyWatch(henanCompany));
    expect(sent.status).toBe(201);
    const entry = sent.body as unknown as Entry;
    expect(entry).toMatchObject({ status: 'not-applied', region: '420000', recognition: { outcome: 'not-applied', agreement: 'hubei-demo' } });
    // The commitment path in Henan is not closed by it (DOMAIN.md §4: the key-watch list denies it only when this province recognises the entry).
    const decision = await decide(henanCompany.id);
    expect(decision.status).toBe(200);
    expect(JSON.stringify(decision.body.reasons ?? [])).not.toContain(entry.id);
    const review = await api('/api/v1/partner-list-entries?state=not-applied', { token: regulator });
    expect(((review.body.items ?? []) as Entry[]).map((e) => e.id)).toContain(entry.id);
    expect((await publicKeyWatch()).map((e) => e.subject.id)).not.toContain(henanCompany.id);
  }, 60_000);

  it('refuses an entry naming a province that is not the sender’s, and a token used for another province (403 EXCHANGE.PROVINCE_NOT_SENDER)', async () => {
    const subject = { kind: 'org', id: makeUscc('420100'), name: '武汉某运输有限公司' };
    const refused = async (body: unknown) => {
      const r = await send(body);
      return { status: r.status, code: r.body.code, fields: (r.body.errors ?? []).map((e) => e.field) };
    };
    // The defect as found: a Hubei client put the entry in Henan's region.
    expect(await refused(keyWatch(subject, { region: '410100' }))).toEqual({ status: 403, code: 'EXCHANGE.PROVINCE_NOT_SENDER', fields: ['region'] });
    // Hubei's token speaking for Hunan.
    const hunan = keyWatch(subject, { provenance: { ...keyWatch(subject).provenance, partnerRegion: '430000', partnerName: '湖南省交通运输厅' } });
    expect(await refused(hunan)).toEqual({ status: 403, code: 'EXCHANGE.PROVINCE_NOT_SENDER', fields: ['provenance.partnerRegion'] });
    // Nothing was half-written: the sender holds no entry for that reference.
    const mine = await api('/exchange/v1/list-entries');
    expect(((mine.body.items ?? []) as Entry[]).filter((e) => e.provenance?.partnerRegion === '430000')).toEqual([]);
  }, 60_000);

  it('applies Hubei’s entry about a Hubei company for the agreement’s maximum term, shown as Hubei’s; Hubei reads it back and withdraws it', async () => {
    const hubeiCompany = { kind: 'org', id: makeUscc('420100'), name: '武汉某物流有限公司' };
    const body = keyWatch(hubeiCompany);
    const sent = await send(body);
    expect(sent.status).toBe(201);
    const entry = sent.body as unknown as Entry;
    // Sent without an end: 24 months from its start (the Hubei agreement's maxTermMonths), the last day being the day before.
    const end = new Date(`${body.startsOn}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 24);
    end.setUTCDate(end.getUTCDate() - 1);
    expect(entry).toMatchObject({ status: 'effective', recognition: { outcome: 'applied', agreement: 'hubei-demo' }, endsOn: end.toISOString().slice(0, 10) });
    expect(sent.headers.get('location')).toBe(`/exchange/v1/list-entries/${entry.id}`);

    expect((await api(`/exchange/v1/list-entries/${entry.id}`)).body).toMatchObject({ id: entry.id, status: 'effective' });
    // Another sender reads and withdraws nothing of Hubei's.
    expect((await api(`/exchange/v1/list-entries/${entry.id}`, { method: 'DELETE', token: suzhou })).status).toBe(404);

    // On the public key-watch list as Hubei's decision (provenance), never as ours.
    const listed = await eventually(publicKeyWatch, (entries) => entries.some((e) => e.subject.id === hubeiCompany.id));
    expect(listed.find((e) => e.subject.id === hubeiCompany.id)?.partner).toEqual({ region: '420000', name: '湖北省交通运输厅' });

    const withdrawn = await api(`/exchange/v1/list-entries/${entry.id}`, { method: 'DELETE' });
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'removed', removal: { reason: 'partner-withdrawn' } } });
    const again = await api(`/exchange/v1/list-entries/${entry.id}`, { method: 'DELETE' });
    expect({ status: again.status, replayed: again.headers.get('idempotent-replayed') }).toEqual({ status: 200, replayed: 'true' });
    const after = await eventually(publicKeyWatch, (entries) => !entries.some((e) => e.subject.id === hubeiCompany.id));
    expect(after.map((e) => e.subject.id)).not.toContain(hubeiCompany.id);
  }, 60_000);

  // ADR 0087: the sender changes an entry it sent by sending it again with a higher version.
  it('a higher version updates the entry held (another term; in force again after a withdrawal), followed by decisions and the public list', async () => {
    const hubeiCompany = { kind: 'org', id: makeUscc('420100'), name: '武汉某冷链运输有限公司' };
    const v1 = keyWatch(hubeiCompany, { endsOn: daysAhead(200), version: 1 });
    const sent = await send(v1);
    expect(sent).toMatchObject({ status: 201, body: { status: 'effective', endsOn: daysAhead(200), sourceVersion: 1 } });
    const entry = sent.body as unknown as Entry;
    const replay = await send(v1);
    expect({ status: replay.status, replayed: replay.headers.get('idempotent-replayed'), id: replay.body.id }).toEqual({
      status: 200,
      replayed: 'true',
      id: entry.id,
    });
    // Another term under the same version: refused with the field, nothing changed.
    const reused = await send({ ...v1, endsOn: daysAhead(300) });
    expect({ status: reused.status, code: reused.body.code, fields: (reused.body.errors ?? []).map((e) => e.field) }).toEqual({
      status: 409,
      code: 'LIST_ENTRY.REFERENCE_REUSED',
      fields: ['version'],
    });
    const badVersion = await send({ ...v1, version: 0 });
    expect({ status: badVersion.status, code: badVersion.body.code, fields: (badVersion.body.errors ?? []).map((e) => e.field) }).toEqual({
      status: 400,
      code: 'REQUEST.INVALID',
      fields: ['version'],
    });

    // Version 2 shortens the term: applied, 200 without the replay header.
    const v2 = await send({ ...v1, endsOn: daysAhead(60), version: 2 });
    expect(v2).toMatchObject({ status: 200, body: { id: entry.id, status: 'effective', endsOn: daysAhead(60), sourceVersion: 2 } });
    expect(v2.headers.get('idempotent-replayed')).toBeNull();
    // An older version arriving late changes nothing.
    const late = await send(v1);
    expect(late).toMatchObject({ status: 200, body: { endsOn: daysAhead(60), sourceVersion: 2 } });

    // Withdrawn, then in force again at Hubei (version 3): the same entry is back, with why, in decisions and on the public list.
    expect((await api(`/exchange/v1/list-entries/${entry.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await decide(hubeiCompany.id)).body.outcome).toBe('allow');
    const gone = await eventually(publicKeyWatch, (entries) => !entries.some((e) => e.subject.id === hubeiCompany.id));
    expect(gone.map((e) => e.subject.id)).not.toContain(hubeiCompany.id);
    const v3 = await send({ ...v1, endsOn: daysAhead(60), version: 3 });
    expect(v3).toMatchObject({ status: 200, body: { id: entry.id, status: 'effective', inForce: true, removal: null, sourceVersion: 3 } });
    expect((v3.body as unknown as Entry).partnerUpdates.map((u) => [u.sourceVersion, u.change])).toEqual([
      [2, 'term'],
      [3, 'restored'],
    ]);
    expect((await decide(hubeiCompany.id)).body).toMatchObject({ outcome: 'deny', reasons: [{ kind: 'list-entry', entryId: entry.id }] });
    const listed = await eventually(publicKeyWatch, (entries) => entries.some((e) => e.subject.id === hubeiCompany.id));
    expect(listed.map((e) => e.subject.id)).toContain(hubeiCompany.id);
  }, 60_000);
});
