import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

interface PublicItem {
  documentNumber: string;
  publicationId: string;
  publishedUntil: string;
}
interface LogEntry {
  seq: string;
  event: string;
  content: { event: string; documentNumber: string; effectiveAt: string; publishedUntil: string; reason?: string };
  hash: string;
  prevHash: string;
}

/** Disclosure issue: the tamper-evident publication log, and items withdrawn when their period ends. */
describe('publication log and expiry', () => {
  let platform: RunningPlatform;
  let token: string;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection', 'disclosure'], { EXPIRY_SWEEP_MS: '200' });
    token = await platform.token('zhengzhou');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  const get = <T>(path: string) => gatewayApi<T>(() => platform)(path);
  const post = (path: string, body: unknown) =>
    gatewayApi<{ id: string }>(
      () => platform,
      () => token,
    )(path, { method: 'POST', body });
  const penalties = (uscc: string) => get<{ penalties?: PublicItem[] }>(`/public/v1/subjects/${uscc}`).then((r) => r.body.penalties ?? []);
  const entries = (publicationId: string) =>
    get<{ entries: LogEntry[] }>(`/public/v1/publication-log/items/${publicationId}`).then((r) => r.body.entries ?? []);

  it('logs publication and withdrawal of an item in an intact hash chain', async () => {
    const body = creditRecordBody();
    const { body: created } = await post('/api/v1/credit-records', body);
    const [shown] = await eventually(
      () => penalties(body.subject.id),
      (p) => p.length === 1,
    );
    expect(shown.publicationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown.publicationId).not.toBe(created.id);
    const published = await eventually(
      () => entries(shown.publicationId),
      (e) => e.length === 1,
    );
    expect(published[0].content).toMatchObject({ event: 'published', documentNumber: body.documentNumber, publishedUntil: shown.publishedUntil });

    expect((await post(`/api/v1/credit-records/${created.id}/revocation`, { reason: '处罚决定已撤销' })).status).toBe(200);
    const withdrawn = await eventually(
      () => entries(shown.publicationId),
      (e) => e.length === 2,
    );
    expect(withdrawn.map((e) => e.event)).toEqual(['published', 'withdrawn']);
    expect(withdrawn[1].content.reason).toContain('处罚决定已撤销');
    expect(await penalties(body.subject.id)).toEqual([]);

    const chain = await get<{ intact: boolean; length: string; head: string }>('/public/v1/publication-log');
    expect(chain.body).toMatchObject({ intact: true });
    expect(Number(chain.body.length)).toBeGreaterThanOrEqual(2);
  });

  it('withdraws an item when its publicity period ends, without anyone asking, and logs when', async () => {
    const body = creditRecordBody();
    await post('/api/v1/credit-records', body);
    const [shown] = await eventually(
      () => penalties(body.subject.id),
      (p) => p.length === 1,
    );
    // Time is moved by data: the maximum publicity period ended a second ago.
    const ended = new Date(Date.now() - 1000);
    await platform.db.query(`UPDATE disclosure.public_records SET published_until = $2 WHERE publication_id = $1`, [shown.publicationId, ended]);
    const logged = await eventually(
      () => entries(shown.publicationId),
      (e) => e.length === 2,
    );
    // The gateway's cached copy still carries the old end (the update above bypassed disclosure);
    // the sweep's log entry announces the change and the copy goes (ADR 0030).
    expect(
      await eventually(
        () => penalties(body.subject.id),
        (p) => p.length === 0,
      ),
    ).toEqual([]);
    expect(logged.map((e) => e.event)).toEqual(['published', 'expired']);
    expect(logged[1].content.effectiveAt).toBe(ended.toISOString());
    const [row] = await platform.db.query<{ withdrawn_reason: string }>(`SELECT withdrawn_reason FROM disclosure.public_records WHERE publication_id = $1`, [
      shown.publicationId,
    ]);
    expect(row.withdrawn_reason).toMatch(/^expired/);
  });

  it('answers a made-up publication id with a 4xx, never a 500', async () => {
    expect((await get<{ code: string }>('/public/v1/publication-log/items/not-an-id')).body.code).toBe('PUBLIC.INVALID_PUBLICATION_ID');
    const missing = await get<{ code: string }>('/public/v1/publication-log/items/00000000-0000-4000-8000-000000000000');
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'PUBLIC.PUBLICATION_NOT_FOUND' });
  });
});
