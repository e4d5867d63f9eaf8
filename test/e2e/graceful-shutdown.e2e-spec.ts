import { creditRecordBody } from '../support/factories';
import { gatewayApi } from '../support/gateway-api';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * SIGTERM drains: collection stops taking calls but finishes those in flight, so every record
 * the platform answered 201 for is stored with its event, and no caller sees a 500.
 */
describe('SIGTERM during a burst of writes', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform(['gateway', 'collection'], { GATEWAY_UPSTREAM_DEADLINE_MS: '3000' });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  }, 60_000);

  it('loses no accepted record and answers the rest with a clean 503', async () => {
    const token = await platform.token('zhengzhou');
    const api = gatewayApi<{ id?: string; code?: string }>(
      () => platform,
      () => token,
    );
    const post = () => api('/api/v1/credit-records', { method: 'POST', body: creditRecordBody() });

    // SIGTERM as soon as the first write of the burst is answered: the rest are still in flight.
    // (Not after a fixed delay: on a loaded machine the first answer may take longer than any delay.)
    let firstAccepted!: () => void;
    const accepting = new Promise<void>((resolve) => (firstAccepted = resolve));
    const inFlight = Array.from({ length: 40 }, (_, i) =>
      new Promise((r) => setTimeout(r, i * 5)).then(post).then((result) => {
        if (result.status === 201) firstAccepted();
        return result;
      }),
    );
    await accepting;
    const collection = platform.processes.collection;
    const exited = new Promise<number | null>((resolve) => collection.once('exit', (code) => resolve(code)));
    collection.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    expect(await exited).toBe(0);

    const accepted = results.filter((r) => r.status === 201).map((r) => r.body.id!);
    const refused = results.filter((r) => r.status !== 201);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.status === 503 && r.body.code === 'SERVICE.UNAVAILABLE')).toBe(true);
    const stored = await platform.db.query<{ id: string }>(`SELECT id FROM collection.credit_records WHERE id = ANY($1::uuid[])`, [accepted]);
    expect(stored).toHaveLength(accepted.length);
    const events = await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM collection.outbox WHERE envelope->'data'->>'recordId' = ANY($1)`, [
      accepted,
    ]);
    expect(events).toEqual([{ n: accepted.length }]);
    expect(await platform.db.query(`SELECT count(*)::int AS n FROM collection.credit_records`)).toEqual([{ n: accepted.length }]);
  });
});
