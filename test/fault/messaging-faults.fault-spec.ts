import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectJetStream, MessagingNamespace } from '@platform/messaging';
import { creditRecordBody } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Issue 23, item 1: faults injected into a running platform (gateway, collection, evaluation) on
 * its OWN nats-server (a JetStream store in a temp dir on a free port: the shared server on 4222
 * is never touched). After each fault the counts are compared in full, never sampled: every
 * record the platform accepted is stored exactly once in collection, has exactly one outbox row,
 * published; evaluation's projection (its public view's source) holds each exactly once.
 */
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

describe('faults in messaging and services', () => {
  let nats: { port: number; dir: string; process?: ChildProcess };
  let platform: RunningPlatform;
  let token: string;

  beforeAll(async () => {
    nats = { port: await freePort(), dir: mkdtempSync(join(tmpdir(), 'tcp-fault-nats-')) };
    await startNats();
    platform = await startPlatform(['gateway', 'collection', 'evaluation'], {
      NATS_URL: natsUrl(),
      BATCH_CHUNK_SIZE: '50',
      BATCH_LEASE_SECONDS: '2',
      BATCH_POLL_MS: '100',
      GATEWAY_RATE_LIMIT_PER_MINUTE: '100000',
    });
    token = await platform.token('zhengzhou');
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await stopNats('SIGTERM');
    rmSync(nats.dir, { recursive: true, force: true });
  }, 60_000);

  const natsUrl = () => `nats://127.0.0.1:${nats.port}`;

  async function startNats(): Promise<void> {
    const child = spawn(NATS_SERVER, ['-js', '-sd', nats.dir, '-p', String(nats.port), '-a', '127.0.0.1'], { stdio: 'ignore' });
    nats.process = child;
    await eventually(
      () => connectable(nats.port),
      (ok) => ok === true,
      10_000,
    );
  }

  /** Stops our nats-server: SIGTERM is a clean stop (the store is flushed); its restart reads the same store. */
  async function stopNats(signal: NodeJS.Signals): Promise<void> {
    const child = nats.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /** Submits `n` fresh Zhengzhou penalties as one NDJSON batch; returns the batch id and the bodies' source ids. */
  async function submitBatch(n: number): Promise<{ batchId: string; sourceIds: string[] }> {
    const bodies = Array.from({ length: n }, () => creditRecordBody());
    const response = await fetch(`${platform.gatewayUrl}/api/v1/credit-records/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson', 'idempotency-key': randomUUID() },
      body: bodies.map((b) => JSON.stringify(b)).join('\n'),
    });
    expect(response.status).toBe(202);
    return { batchId: ((await response.json()) as { batchId: string }).batchId, sourceIds: bodies.map((b) => b.sourceRecordId) };
  }

  async function batchCompleted(batchId: string): Promise<{ status: string; accepted: number }> {
    return eventually(
      () =>
        fetch(`${platform.gatewayUrl}/api/v1/credit-records/batches/${batchId}`, { headers: { authorization: `Bearer ${token}` } }).then(
          (r) => r.json() as Promise<{ status: string; accepted: number }>,
        ),
      (s) => s.status === 'completed',
      90_000,
      250,
    );
  }

  const count = async (sql: string, params: unknown[] = []) => (await platform.db.query<{ n: number }>(sql, params))[0].n;

  /**
   * The full comparison for the records of `sourceIds`: rows in collection, distinct ids, outbox
   * rows and published ones, and rows in evaluation's projection — waiting (bounded) for the
   * asynchronous ones to converge.
   */
  async function countsFor(sourceIds: string[]) {
    const ids = (await platform.db.query<{ id: string }>(`SELECT id FROM collection.credit_records WHERE source_record_id = ANY($1)`, [sourceIds])).map(
      (r) => r.id,
    );
    const converged = () =>
      Promise.all([
        count(`SELECT count(*)::int AS n FROM collection.outbox WHERE envelope->'data'->>'recordId' = ANY($1) AND subject LIKE '%credit.records.created'`, [
          ids,
        ]),
        count(
          `SELECT count(*)::int AS n FROM collection.outbox WHERE envelope->'data'->>'recordId' = ANY($1) AND subject LIKE '%credit.records.created' AND published_at IS NOT NULL`,
          [ids],
        ),
        count(`SELECT count(*)::int AS n FROM evaluation.subject_records WHERE record_id = ANY($1::uuid[])`, [ids]),
      ]);
    const [outbox, published, projected] = await eventually(converged, ([, p, e]) => p === ids.length && e === ids.length, 90_000, 250);
    return {
      submitted: sourceIds.length,
      stored: ids.length,
      distinctStored: new Set(ids).size,
      storedBySource: await count(`SELECT count(DISTINCT source_record_id)::int AS n FROM collection.credit_records WHERE source_record_id = ANY($1)`, [
        sourceIds,
      ]),
      outbox,
      published,
      projected,
    };
  }

  const exactlyOnce = (n: number) => ({ submitted: n, stored: n, distinctStored: n, storedBySource: n, outbox: n, published: n, projected: n });

  it('NATS stopped in the middle of a batch ingestion and started again: every accepted record stored, published and projected once', async () => {
    // Injected: a clean stop of the platform's nats-server right after the batch is accepted, 3 s down, restarted on its store.
    const { batchId, sourceIds } = await submitBatch(300);
    await stopNats('SIGTERM');
    await new Promise((r) => setTimeout(r, 3000));
    await startNats();
    const batch = await batchCompleted(batchId);
    expect(batch).toMatchObject({ status: 'completed', accepted: 300 });
    // Counted: collection's rows, their outbox rows (all published), evaluation's projection.
    expect(await countsFor(sourceIds)).toEqual(exactlyOnce(300));
  }, 180_000);

  it('a consumer killed with SIGKILL in the middle of handling: every record projected exactly once after its restart', async () => {
    const { batchId, sourceIds } = await submitBatch(300);
    // Injected: SIGKILL of evaluation once it has projected some, not all, of the batch.
    await eventually(
      () =>
        count(
          `SELECT count(*)::int AS n FROM evaluation.subject_records r JOIN collection.credit_records c ON c.id = r.record_id WHERE c.source_record_id = ANY($1)`,
          [sourceIds],
        ),
      (n) => n > 0,
      60_000,
      50,
    );
    platform.processes.evaluation.kill('SIGKILL');
    await batchCompleted(batchId);
    await platform.restart('evaluation');
    expect(await countsFor(sourceIds)).toEqual(exactlyOnce(300));
  }, 180_000);

  it('the outbox relay (collection) killed with SIGKILL mid-batch and restarted: each record stored and published once', async () => {
    const { batchId, sourceIds } = await submitBatch(300);
    // Injected: SIGKILL of collection (its batch worker and outbox relay) once part of the batch is stored.
    await eventually(
      () => count(`SELECT count(*)::int AS n FROM collection.credit_records WHERE source_record_id = ANY($1)`, [sourceIds]),
      (n) => n > 0,
      60_000,
      50,
    );
    platform.processes.collection.kill('SIGKILL');
    await new Promise((r) => platform.processes.collection.once('exit', r));
    await platform.restart('collection');
    const batch = await batchCompleted(batchId);
    expect(batch).toMatchObject({ status: 'completed', accepted: 300 });
    expect(await countsFor(sourceIds)).toEqual(exactlyOnce(300));
  }, 180_000);

  it('the same events delivered twice (beyond the publisher de-duplication): handled once in effect', async () => {
    const { batchId, sourceIds } = await submitBatch(50);
    await batchCompleted(batchId);
    expect(await countsFor(sourceIds)).toEqual(exactlyOnce(50));
    const before = await platform.db.query(
      `SELECT r.record_id, r.received_at FROM evaluation.subject_records r JOIN collection.credit_records c ON c.id = r.record_id WHERE c.source_record_id = ANY($1) ORDER BY 1`,
      [sourceIds],
    );
    const inboxBefore = await count(`SELECT count(*)::int AS n FROM evaluation.inbox`);
    // Injected: each of the 50 credit.records.created events published again with a new Nats-Msg-Id (as a redelivery after the duplicate window is).
    const rows = await platform.db.query<{ subject: string; envelope: unknown }>(
      `SELECT o.subject, o.envelope FROM collection.outbox o JOIN collection.credit_records c ON o.envelope->'data'->>'recordId' = c.id::text
        WHERE c.source_record_id = ANY($1) AND o.subject LIKE '%credit.records.created'`,
      [sourceIds],
    );
    expect(rows).toHaveLength(50);
    const handles = await connectJetStream(natsUrl(), 'fault-duplicates');
    const ns = new MessagingNamespace(platform.natsPrefix);
    try {
      for (const row of rows) await handles.js.publish(ns.subject(row.subject), JSON.stringify(row.envelope), { msgID: randomUUID() });
      // Handled: every durable consumer of the records stream has nothing pending nor unacknowledged.
      const drained = await eventually(
        async () => {
          let open = 0;
          for await (const consumer of handles.jsm.consumers.list(ns.stream('CREDIT_RECORDS'))) open += consumer.num_pending + consumer.num_ack_pending;
          return open;
        },
        (open) => open === 0,
        60_000,
        200,
      );
      expect(drained).toBe(0);
    } finally {
      await handles.nc.close();
    }
    // Counted: the projection unchanged row for row, and no new inbox row (the same event ids).
    expect(
      await platform.db.query(
        `SELECT r.record_id, r.received_at FROM evaluation.subject_records r JOIN collection.credit_records c ON c.id = r.record_id WHERE c.source_record_id = ANY($1) ORDER BY 1`,
        [sourceIds],
      ),
    ).toEqual(before);
    expect(await count(`SELECT count(*)::int AS n FROM evaluation.inbox`)).toBe(inboxBefore);
  }, 180_000);
});

async function connectable(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
