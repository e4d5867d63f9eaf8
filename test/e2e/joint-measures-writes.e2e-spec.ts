import { randomUUID } from 'node:crypto';
import { daysAgo } from '@platform/testing';
import { creditRecordBody, makeUscc } from '../support/factories';
import { ApiRequest, gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string; errors?: { field: string }[] };
type Entry = {
  id: string;
  listType: string;
  status: string;
  ruleId: string | null;
  inForce: boolean;
  subject: { id: string };
  provenance: unknown;
  grounds: string;
};

/**
 * Joint measures' writes through the gateway: idempotent list writes, partner imports over the
 * exchange API, fleet sizes feeding the fleet-share rule, and decisions that change right after
 * the write that changes their facts (the read cache, ADR 0025).
 */
describe('joint measures writes through the gateway', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let permitWindow: string;
  let suzhou: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    [zhengzhou, permitWindow, suzhou] = await Promise.all([platform.token('zhengzhou'), platform.token('permit-window'), platform.token('suzhou-partner')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = gatewayApi<Json>(
    () => platform,
    () => zhengzhou,
  );
  /** `api`, plus an Idempotency-Key and whether the gateway says the response is a replay. */
  const call = (path: string, { key, ...request }: ApiRequest & { key?: string } = {}) =>
    api(path, { ...request, headers: key !== undefined ? { 'idempotency-key': key } : {} }).then((r) => ({
      status: r.status,
      replayed: r.headers.get('idempotent-replayed'),
      body: r.body,
    }));
  const entriesOf = (subjectId: string) =>
    call(`/api/v1/subjects/${encodeURIComponent(subjectId)}/list-entries`).then((r) => (r.body.entries ?? []) as Entry[]);
  const decide = (subjectId: string) =>
    call('/api/v1/measures/decisions', { method: 'POST', body: { subjectId, scene: 'permit.application' }, token: permitWindow });

  async function carrierWithRecord(name: string) {
    const carrier = { kind: 'org', id: makeUscc(), name };
    const body = creditRecordBody();
    const created = await call('/api/v1/credit-records', {
      method: 'POST',
      body: { ...body, subject: carrier, decisionDate: daysAgo(8), payload: { ...body.payload, violationType: '未按规定维护车辆' } },
    });
    expect(created.status).toBe(201);
    return { carrier, recordId: created.body.id as string };
  }

  it('a key-watch entry confirmed with an Idempotency-Key: retries replay the first answer, the decision denies at once', async () => {
    const { carrier, recordId } = await carrierWithRecord('郑州某冷链运输有限公司');
    const allowed = await eventually(
      () => decide(carrier.id),
      (r) => r.status === 200,
    );
    expect(allowed.body.outcome).toBe('allow');

    const proposal = { subjectId: carrier.id, basisRecordIds: [recordId], grounds: '一年内多次违规经营' };
    const key = `propose-${randomUUID()}`;
    const first = await call('/api/v1/lists/key-watch/entries', { method: 'POST', body: proposal, key });
    expect(first).toMatchObject({ status: 201, replayed: null, body: { status: 'proposed', listType: 'key-watch' } });
    const retry = await call('/api/v1/lists/key-watch/entries', { method: 'POST', body: proposal, key });
    expect(retry).toMatchObject({ status: 201, replayed: 'true', body: { id: first.body.id } });
    const reused = await call('/api/v1/lists/key-watch/entries', { method: 'POST', body: { ...proposal, grounds: '另一理由' }, key });
    expect({ status: reused.status, code: reused.body.code, field: reused.body.errors?.[0]?.field }).toEqual({
      status: 422,
      code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
      field: 'Idempotency-Key',
    });
    const badKey = await call('/api/v1/lists/key-watch/entries', { method: 'POST', body: proposal, key: ' ' });
    expect({ status: badKey.status, code: badKey.body.code }).toEqual({ status: 400, code: 'REQUEST.INVALID_IDEMPOTENCY_KEY' });
    expect(await entriesOf(carrier.id)).toHaveLength(1);

    // The notice period has run out (moved in the data; the clock is the real one). The decision is
    // asked again so the service holds the subject in its read cache.
    await platform.db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = $2 WHERE id = $1`, [first.body.id, daysAgo(1)]);
    expect((await decide(carrier.id)).body.outcome).toBe('allow');
    expect((await decide(carrier.id)).body.outcome).toBe('allow');

    const decision = { outcome: 'confirm', documentNumber: '郑交信〔2026〕21号' };
    const decisionKey = `decide-${randomUUID()}`;
    const confirmed = await call(`/api/v1/list-entries/${first.body.id}/decision`, { method: 'POST', body: decision, key: decisionKey });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'effective', inForce: true } });
    // Right after the confirmation, with no waiting: deny, pointing at the entry.
    const denied = await decide(carrier.id);
    expect(denied.body).toMatchObject({ outcome: 'deny', reasons: [{ kind: 'list-entry', entryId: first.body.id, listType: 'key-watch' }] });
    // A retried confirmation answers as the first one did (a new confirmation would be refused).
    const again = await call(`/api/v1/list-entries/${first.body.id}/decision`, { method: 'POST', body: decision, key: decisionKey });
    expect(again).toMatchObject({ status: 200, replayed: 'true', body: { id: first.body.id, status: 'effective' } });
    const fresh = await call(`/api/v1/list-entries/${first.body.id}/decision`, { method: 'POST', body: decision, key: `decide-${randomUUID()}` });
    expect({ status: fresh.status, code: fresh.body.code }).toEqual({ status: 409, code: 'LIST_ENTRY.NOT_PROPOSED' });
  }, 30_000);

  it('a partner region imports its entry over /exchange/v1/list-entries; bad input is refused with the field', async () => {
    const subject = { kind: 'org', id: makeUscc('320500'), name: '苏州某运输有限公司' };
    const body = {
      listType: 'key-watch',
      subject,
      provenance: {
        partnerRegion: '320500',
        partnerName: '苏州市交通运输局',
        sourceReference: `苏交信〔2026〕${randomUUID().slice(0, 6)}号`,
        decidedOn: daysAgo(20),
      },
      startsOn: daysAgo(19),
      grounds: '苏州市重点关注名单',
    };
    const imported = await call('/exchange/v1/list-entries', { method: 'POST', body, token: suzhou });
    expect(imported).toMatchObject({ status: 201, body: { status: 'effective', inForce: true, subject: { id: subject.id }, provenance: body.provenance } });
    const replay = await call('/exchange/v1/list-entries', { method: 'POST', body, token: suzhou });
    expect(replay).toMatchObject({ status: 200, replayed: 'true', body: { id: imported.body.id } });
    // Recognised here: a Zhengzhou permit window is denied the commitment path for it (Henan key-watch mapping).
    expect((await decide(subject.id)).body).toMatchObject({ outcome: 'deny', reasons: [{ kind: 'list-entry', entryId: imported.body.id }] });

    const refused = async (changes: Record<string, unknown>, token = suzhou) => {
      const r = await call('/exchange/v1/list-entries', { method: 'POST', body: { ...body, ...changes }, token });
      return { status: r.status, code: r.body.code, fields: (r.body.errors ?? []).map((e) => e.field) };
    };
    expect(await refused({ listType: 'grey' })).toEqual({ status: 400, code: 'LIST_ENTRY.INVALID', fields: ['listType'] });
    const wrongCheck = `${subject.id.slice(0, 17)}${subject.id[17] === '0' ? '1' : '0'}`;
    expect(await refused({ subject: { ...subject, id: wrongCheck } })).toEqual({ status: 400, code: 'LIST_ENTRY.INVALID', fields: ['subject.id'] });
    expect((await refused({ provenance: undefined })).status).toBe(400);
    expect((await refused({ provenance: undefined })).fields).toContain('provenance');
    expect((await refused({ provenance: { ...body.provenance, partnerRegion: '320200' } })).status).toBe(403);
    expect((await refused({}, zhengzhou)).status).toBe(403);
  }, 30_000);

  it('a reported fleet size lets the fleet-share rule propose a carrier with more than 10 % of its vehicles violating', async () => {
    const carrier = { kind: 'org', id: makeUscc(), name: '郑州某大件物流有限公司' };
    const base = creditRecordBody();
    const post = (body: Record<string, unknown>) => call('/api/v1/credit-records', { method: 'POST', body: { ...body, sourceRecordId: randomUUID() } });
    for (const [plate, days] of [
      ['豫A30001', 40],
      ['豫A30002', 20],
    ] as const) {
      const r = await post({
        ...base,
        recordType: 'oversize-transport-violation',
        subject: carrier,
        decisionDate: daysAgo(days),
        documentNumber: `郑超限〔2026〕${randomUUID().slice(0, 6)}号`,
        payload: {
          violationType: 'off-route',
          permitNumber: '豫超限〔2026〕0042',
          detectedAt: '2026-11-01T10:00:00+08:00',
          detectedBy: 'trajectory-comparison',
          plate,
          plateColour: 'yellow',
        },
      });
      expect(r.status).toBe(201);
    }
    const suspension = await post({
      ...base,
      subject: carrier,
      severity: 'severe',
      decisionDate: daysAgo(5),
      documentNumber: `郑交罚〔2026〕${randomUUID().slice(0, 6)}号`,
      payload: { ...base.payload, violationType: '违法超限运输', penaltyCategories: ['fine', 'production-suspension'], fineAmountFen: 3_000_000 },
    });
    expect(suspension.status).toBe(201);
    const fleet = (body: unknown) => call(`/api/v1/subjects/${carrier.id}/fleet`, { method: 'PUT', body });
    // Once joint measures has the three records (and no fleet size): nothing is proposed.
    await eventually(
      () => platform.db.query(`SELECT 1 FROM joint_measures.subject_records WHERE subject_id = $1`, [carrier.id]).then((r) => r.length),
      (n) => n === 3,
    );
    expect(await entriesOf(carrier.id)).toEqual([]);
    // 2 of 20 vehicles is exactly 10 %: not "more than".
    expect((await fleet({ vehicles: 20, asOf: daysAgo(2), source: '道路运输管理信息系统' })).body).toMatchObject({ stored: true, proposed: [] });
    // 2 of 19: more than 10 %.
    const report = await fleet({ vehicles: 19, asOf: daysAgo(1), source: '道路运输管理信息系统' });
    expect(report.body).toMatchObject({
      vehicles: 19,
      stored: true,
      proposed: [{ listType: 'severe-dishonesty', ruleId: 'carrier-fleet-over-10-percent-overloading', status: 'proposed' }],
    });
    const bad = await fleet({ vehicles: 0, asOf: 'soon', source: '' });
    expect(bad.status).toBe(400);
    const unknown = await call(`/api/v1/subjects/${makeUscc()}/fleet`, { method: 'PUT', body: { vehicles: 10, asOf: daysAgo(1), source: 'x' } });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'LIST_ENTRY.UNKNOWN_SUBJECT' });
  }, 30_000);
});
