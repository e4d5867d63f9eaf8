import { randomUUID } from 'node:crypto';
import { daysAgo, eventually, makeUscc } from '@platform/testing';
import { creditRecordBody } from '../support/factories';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

type Answer = { status: number; replayed: string | null; body: Record<string, unknown> & { code?: string; errors?: { field: string }[] } };

/**
 * One Idempotency-Key behaviour on every write that accepts the header (API.md "Conventions":
 * writes accept Idempotency-Key, a retried key returns the first answer; issue 15 item 4: the
 * same key with another body is refused with 422 REQUEST.IDEMPOTENCY_KEY_REUSED, keys are scoped
 * per client). Each row is one write endpoint; every row is put through the same four cases.
 */
describe('Idempotency-Key on every write that accepts it', () => {
  let platform: RunningPlatform;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'joint-measures']);
    for (const client of ['zhengzhou', 'henan', 'permit-window']) tokens[client] = await platform.token(client);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  async function send(client: string, path: string, body: unknown, key: string, contentType = 'application/json'): Promise<Answer> {
    const response = await fetch(`${platform.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[client]}`, 'content-type': contentType, 'idempotency-key': key },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as Answer['body'] };
  }

  /** A record about a fresh carrier of the client's own region, returned with its id. */
  async function recordOf(client: string) {
    const subject = { kind: 'org', id: makeUscc(), name: `${client}测试运输有限公司` };
    const body = creditRecordBody({ subject, decisionDate: daysAgo(3) });
    const created = await send(client, '/api/v1/credit-records', body, `setup-${randomUUID()}`);
    expect(created.status).toBe(201);
    return { subject, recordId: created.body.id as string };
  }

  /** A record as above, once joint measures has taken it in (records reach it as events). */
  async function recordKnownToJointMeasures(client: string) {
    const known = await recordOf(client);
    const decide = () =>
      send('permit-window', '/api/v1/measures/decisions', { subjectId: known.subject.id, scene: 'permit.application' }, `decide-${randomUUID()}`);
    expect((await eventually(decide, (r) => r.status === 200)).status).toBe(200);
    return known;
  }

  /** One write endpoint: the request a client makes, a second request that differs, the success status and the answer's id. */
  interface WriteEndpoint {
    name: string;
    status: number;
    idOf: (answer: Answer) => unknown;
    contentType?: string;
    prepare: (client: string) => Promise<{ path: string; body: unknown; otherBody: unknown }>;
  }

  const endpoints: WriteEndpoint[] = [
    {
      name: 'POST /api/v1/credit-records',
      status: 201,
      idOf: (a) => a.body.id,
      prepare: async () => {
        const body = creditRecordBody({ decisionDate: daysAgo(2) });
        return { path: '/api/v1/credit-records', body, otherBody: { ...body, documentNumber: `${body.documentNumber}-改` } };
      },
    },
    {
      name: 'POST /api/v1/credit-records/batches',
      status: 202,
      idOf: (a) => a.body.batchId,
      contentType: 'application/x-ndjson',
      prepare: async () => {
        const line = () => JSON.stringify(creditRecordBody({ decisionDate: daysAgo(2) }));
        return { path: '/api/v1/credit-records/batches', body: `${line()}\n`, otherBody: `${line()}\n` };
      },
    },
    {
      name: 'POST /api/v1/credit-records/{id}/objections',
      status: 201,
      idOf: (a) => a.body.id,
      prepare: async (client) => {
        const { recordId } = await recordOf(client);
        const body = { reason: '处罚决定书文号有误', objector: { name: '张三', contact: '13800000000' } };
        return { path: `/api/v1/credit-records/${recordId}/objections`, body, otherBody: { ...body, reason: '违法事实认定有误' } };
      },
    },
    {
      name: 'POST /api/v1/lists/{listType}/entries',
      status: 201,
      idOf: (a) => a.body.id,
      prepare: async (client) => {
        const { subject, recordId } = await recordKnownToJointMeasures(client);
        const body = { subjectId: subject.id, basisRecordIds: [recordId], grounds: '一年内多次违规经营' };
        return { path: '/api/v1/lists/key-watch/entries', body, otherBody: { ...body, grounds: '另一理由' } };
      },
    },
    {
      name: 'POST /api/v1/list-entries/{id}/decision',
      status: 200,
      idOf: (a) => a.body.id,
      prepare: async (client) => {
        const { subject, recordId } = await recordKnownToJointMeasures(client);
        const proposed = await send(
          client,
          '/api/v1/lists/key-watch/entries',
          { subjectId: subject.id, basisRecordIds: [recordId], grounds: '一年内多次违规经营' },
          `setup-${randomUUID()}`,
        );
        expect(proposed.status).toBe(201);
        const body = { outcome: 'drop', reason: '经核实已整改' };
        return { path: `/api/v1/list-entries/${proposed.body.id}/decision`, body, otherBody: { ...body, reason: '证据不足' } };
      },
    },
  ];

  describe.each(endpoints)('$name', (endpoint) => {
    const post = (client: string, path: string, body: unknown, key: string) => send(client, path, body, key, endpoint.contentType);

    it('replays the first answer to a retry with the same key and body, marked Idempotent-Replayed', async () => {
      const { path, body } = await endpoint.prepare('zhengzhou');
      const key = `retry-${randomUUID()}`;
      const first = await post('zhengzhou', path, body, key);
      expect({ status: first.status, replayed: first.replayed }).toEqual({ status: endpoint.status, replayed: null });
      const retry = await post('zhengzhou', path, body, key);
      expect({ status: retry.status, replayed: retry.replayed, id: endpoint.idOf(retry) }).toEqual({
        status: endpoint.status,
        replayed: 'true',
        id: endpoint.idOf(first),
      });
    });

    it('refuses the same key with another body (422 REQUEST.IDEMPOTENCY_KEY_REUSED) and keeps the first answer', async () => {
      const { path, body, otherBody } = await endpoint.prepare('zhengzhou');
      const key = `reuse-${randomUUID()}`;
      const first = await post('zhengzhou', path, body, key);
      expect(first.status).toBe(endpoint.status);
      const reused = await post('zhengzhou', path, otherBody, key);
      expect({ status: reused.status, code: reused.body.code, field: reused.body.errors?.[0]?.field }).toEqual({
        status: 422,
        code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
        field: 'Idempotency-Key',
      });
      // Nothing of the refused request was written: the key still answers with the first write.
      const retry = await post('zhengzhou', path, body, key);
      expect({ replayed: retry.replayed, id: endpoint.idOf(retry) }).toEqual({ replayed: 'true', id: endpoint.idOf(first) });
    });

    it('scopes keys per client: another client using the same key makes its own write', async () => {
      const key = `shared-${randomUUID()}`;
      const mine = await endpoint.prepare('zhengzhou');
      const theirs = await endpoint.prepare('henan');
      const first = await post('zhengzhou', mine.path, mine.body, key);
      const other = await post('henan', theirs.path, theirs.body, key);
      expect({ status: other.status, replayed: other.replayed }).toEqual({ status: endpoint.status, replayed: null });
      expect(endpoint.idOf(other)).not.toEqual(endpoint.idOf(first));
    });

    it('refuses a key that cannot be one (400 REQUEST.INVALID_IDEMPOTENCY_KEY)', async () => {
      const { path, body } = await endpoint.prepare('zhengzhou');
      const refused = await post('zhengzhou', path, body, 'k'.repeat(201));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'REQUEST.INVALID_IDEMPOTENCY_KEY' });
    });
  });
});
