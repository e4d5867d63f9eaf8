import { randomInt } from 'node:crypto';
import { creditRecordBody, makeUscc } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

type Json = Record<string, unknown> & { code?: string };
type Entry = { id: string; listType: string; status: string; ruleId: string | null; basis: { recordId: string }[]; grounds: string; noticeEndsOn: string; inForce: boolean };

/** China-time ISO date `days` days before today. */
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);

/** Joint measures issue, lists: records submitted through collection fill the lists by rule. */
describe('credit lists through the gateway', () => {
  let platform: RunningPlatform;
  let zhengzhou: string;
  let luoyang: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    [zhengzhou, luoyang] = await Promise.all([platform.token('zhengzhou'), platform.token('luoyang')]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const api = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
    fetch(`${platform.gatewayUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${init.token ?? zhengzhou}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Json }));

  const entriesOf = (subjectId: string) => api(`/api/v1/subjects/${encodeURIComponent(subjectId)}/list-entries`).then((r) => (r.body.entries ?? []) as Entry[]);

  function overloadPenalty(plate: string, decisionDate: string) {
    const body = creditRecordBody();
    return { ...body, subject: { kind: 'vehicle', id: `${plate}:yellow`, name: plate }, decisionDate, payload: { ...body.payload, violationType: '违法超限运输', facts: '车货总质量超过限定标准' } };
  }

  it('proposes a severe-overload entry on the 4th overload of a vehicle in 12 months, and explains it', async () => {
    const plate = `豫A${randomInt(10000, 99999)}`;
    const ids: string[] = [];
    for (const days of [200, 120, 60, 3]) {
      const created = await api('/api/v1/credit-records', { method: 'POST', body: overloadPenalty(plate, daysAgo(days)) });
      expect(created.status).toBe(201);
      ids.push(created.body.id as string);
    }
    // Collection stores the canonical subject id (plate:COLOUR), and so do the lists.
    const [entry] = await eventually(() => entriesOf(`${plate}:YELLOW`), (e) => e.length === 1);
    expect(entry).toMatchObject({ listType: 'severe-dishonesty', status: 'proposed', ruleId: 'overload-more-than-3-in-12-months', inForce: false });
    expect(entry.basis.map((b) => b.recordId).sort()).toEqual([...ids].sort());
    expect(entry.grounds).toContain('超过3次');

    // Before the prior-notice period ends the entry cannot be confirmed; another city cannot decide it.
    const early = await api(`/api/v1/list-entries/${entry.id}/decision`, { method: 'POST', body: { outcome: 'confirm', documentNumber: '郑交信〔2026〕7号' } });
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 422, code: 'LIST_ENTRY.NOTICE_PERIOD_RUNNING' });
    expect(early.body.detail).toContain(entry.noticeEndsOn);
    const foreign = await api(`/api/v1/list-entries/${entry.id}/decision`, { method: 'POST', body: { outcome: 'drop' }, token: luoyang });
    expect(foreign.status).toBe(403);

    // Revoking one of the four leaves three: not "more than 3" any more, so the entry is removed.
    const revoked = await api(`/api/v1/credit-records/${ids[0]}/revocation`, { method: 'POST', body: { reason: '车牌录入错误' } });
    expect(revoked.status).toBe(200);
    const [removed] = await eventually(() => entriesOf(`${plate}:YELLOW`), (e) => e[0]?.status === 'removed');
    expect(removed).toMatchObject({ id: entry.id, removal: { reason: 'basis-revoked' } });
  });

  it('refuses bad input with clear 4xx answers', async () => {
    const unknownSubject = await api('/api/v1/lists/key-watch/entries', { method: 'POST', body: { subjectId: makeUscc(), basisRecordIds: ['0190d6a4-0000-7000-8000-000000000000'], grounds: '多次违规' } });
    expect({ status: unknownSubject.status, code: unknownSubject.body.code }).toEqual({ status: 404, code: 'LIST_ENTRY.UNKNOWN_SUBJECT' });
    const unknownList = await api('/api/v1/lists/grey/entries', { method: 'POST', body: { subjectId: makeUscc(), basisRecordIds: ['0190d6a4-0000-7000-8000-000000000000'], grounds: 'x' } });
    expect({ status: unknownList.status, code: unknownList.body.code }).toEqual({ status: 400, code: 'LIST_ENTRY.INVALID' });
    const noEntry = await api('/api/v1/list-entries/not-an-id/decision', { method: 'POST', body: { outcome: 'drop' } });
    expect({ status: noEntry.status, code: noEntry.body.code }).toEqual({ status: 404, code: 'LIST_ENTRY.NOT_FOUND' });
    const badOutcome = await api('/api/v1/list-entries/0190d6a4-0000-7000-8000-000000000000/decision', { method: 'POST', body: { outcome: 'maybe' } });
    expect(badOutcome.status).toBe(400);
    const uploadWithoutAdmin = await api('/api/v1/entry-rules', { method: 'PUT', body: { rules: [{}] } });
    expect(uploadWithoutAdmin.status).toBe(403);
    const rules = await api('/api/v1/entry-rules');
    expect(rules.body).toMatchObject({ version: 0, rules: expect.arrayContaining([expect.objectContaining({ id: 'overload-more-than-3-in-12-months', threshold: { moreThan: 3 } })]) });
  });
});
