import { randomUUID } from 'node:crypto';
import { createMigratedDatabase } from '@platform/testing';
import { creditRecordBody } from '../support/factories';
import { eventually, RunningPlatform, startPlatform } from '../support/platform-harness';
import { PrivatePostgres } from '../support/private-postgres';
import { SERVICE_DEFINITIONS } from '../support/service-schemas';

/**
 * Issue 23, item 1: a database restarted under load and the gateway killed with requests in
 * flight, on a platform (gateway, collection, evaluation, disclosure) whose PostgreSQL is a
 * cluster of this suite's own: the shared server on 5432 is never stopped. Each test drives a
 * steady load of single records and NDJSON batches, each request with its own Idempotency-Key,
 * injects its fault, retries what was refused or never answered with the same key (what API.md
 * asks of a client), then compares the counts in full: every submitted record stored exactly
 * once, one created event each, published, projected once by evaluation and — when public —
 * by disclosure, and shown on the public profile.
 */
type RecordBody = ReturnType<typeof creditRecordBody>;

interface Attempt {
  kind: 'single' | 'batch';
  key: string;
  bodies: RecordBody[];
  startedAt: number;
  /** Absent: no answer (the connection failed or was cut). */
  answer?: { status: number; contentType: string | null; retryAfter: string | null; replayed: boolean; body: Record<string, unknown> };
}

const WORKERS = 8;

/** What a test injected and what it counted, in the tier's output. */
function report(injected: string, attempts: Attempt[], extra: Record<string, number>): void {
  const records = attempts.reduce((n, a) => n + a.bodies.length, 0);
  const batches = attempts.filter((a) => a.kind === 'batch').length;
  process.stdout.write(`[fault] ${injected}: ${attempts.length} requests (${batches} batches), ${records} records; ${JSON.stringify(extra)}\n`);
}
const BATCH_LINES = 20;

describe('faults in the database and the gateway', () => {
  let cluster: PrivatePostgres;
  let platform: RunningPlatform;
  let token: string;

  beforeAll(async () => {
    cluster = await PrivatePostgres.start();
    platform = await startPlatform(
      ['gateway', 'collection', 'evaluation', 'disclosure'],
      {
        BATCH_CHUNK_SIZE: '50',
        BATCH_LEASE_SECONDS: '2',
        BATCH_POLL_MS: '100',
        GATEWAY_RATE_LIMIT_PER_MINUTE: '100000',
        GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
        GATEWAY_PROFILE_CACHE_TTL_MS: '0',
      },
      { database: () => createMigratedDatabase(cluster.url, SERVICE_DEFINITIONS, 'fault') },
    );
    token = await platform.token('zhengzhou');
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    await cluster?.destroy();
  }, 60_000);

  async function send(attempt: Attempt): Promise<Attempt> {
    const single = attempt.kind === 'single';
    try {
      const response = await fetch(`${platform.gatewayUrl}/api/v1/credit-records${single ? '' : '/batches'}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': single ? 'application/json' : 'application/x-ndjson',
          'idempotency-key': attempt.key,
        },
        body: single ? JSON.stringify(attempt.bodies[0]) : attempt.bodies.map((b) => JSON.stringify(b)).join('\n'),
      });
      const text = await response.text();
      attempt.answer = {
        status: response.status,
        contentType: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
        replayed: response.headers.get('idempotent-replayed') === 'true',
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
    } catch {
      attempt.answer = undefined;
    }
    return attempt;
  }

  /** WORKERS loops, each sending a single record or (every fourth) a batch, until `stop()`; every attempt is kept. */
  function load() {
    const attempts: Attempt[] = [];
    let running = true;
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const kind = (i + w) % 4 === 3 ? 'batch' : 'single';
        const bodies = Array.from({ length: kind === 'batch' ? BATCH_LINES : 1 }, () => creditRecordBody());
        const attempt: Attempt = { kind, key: randomUUID(), bodies, startedAt: Date.now() };
        attempts.push(attempt);
        await send(attempt);
        // A refused or unanswered request: a moment before the next, as a client backs off.
        if (!attempt.answer || attempt.answer.status >= 300) await new Promise((r) => setTimeout(r, 100));
      }
    };
    const done = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    return {
      attempts,
      // Promises, for `eventually`.
      accepted: async () => attempts.filter((a) => accepted(a)).length,
      answeredAfter: async (t: number) => attempts.filter((a) => a.startedAt >= t && a.answer).length,
      acceptedAfter: async (t: number) => attempts.filter((a) => a.startedAt >= t && accepted(a)).length,
      async stop() {
        running = false;
        await done;
      },
    };
  }

  const accepted = (a: Attempt) => a.answer !== undefined && a.answer.status >= 200 && a.answer.status < 300;

  /** Sends `attempt` again with its key until it is accepted (the client's retry); returns the answers it got. */
  async function retryUntilAccepted(attempt: Attempt): Promise<void> {
    await eventually(
      () => send(attempt),
      (a) => accepted(a),
      60_000,
      200,
    );
  }

  /** What the first answer names: the record id (single) or the batch id. */
  const answerId = (a: Attempt) => String(a.kind === 'single' ? a.answer!.body.id : a.answer!.body.batchId);

  async function waitForBatches(attempts: Attempt[]): Promise<void> {
    for (const a of attempts.filter((x) => x.kind === 'batch')) {
      const batch = await eventually(
        () =>
          fetch(`${platform.gatewayUrl}/api/v1/credit-records/batches/${answerId(a)}`, { headers: { authorization: `Bearer ${token}` } }).then(
            (r) => r.json() as Promise<{ status: string; accepted: number; rejected: number }>,
          ),
        (s) => s.status === 'completed',
        90_000,
        250,
      );
      expect(batch).toMatchObject({ status: 'completed', accepted: BATCH_LINES, rejected: 0 });
    }
  }

  /** Each first 2xx answer's key sent again: the first answer comes back (Idempotent-Replayed), naming what is stored. */
  async function replayed(firstAnswers: Map<Attempt, string>) {
    const again: { status?: number; replayed?: boolean; id: string }[] = [];
    for (const first of firstAnswers.keys()) {
      const a = await send({ ...first, answer: undefined });
      again.push({ status: a.answer?.status, replayed: a.answer?.replayed, id: answerId(a) });
    }
    return again;
  }

  const count = async (sql: string, params: unknown[] = []) => (await platform.db.query<{ n: number }>(sql, params))[0].n;

  /**
   * The full comparison for every record submitted: collection's rows (by source id, distinct),
   * their created events in the outbox (all published), evaluation's projection, disclosure's
   * public records against the events that say public, and the public profile of every subject.
   */
  async function countsFor(attempts: Attempt[]) {
    const bodies = attempts.flatMap((a) => a.bodies);
    const sourceIds = bodies.map((b) => b.sourceRecordId);
    const ids = (await platform.db.query<{ id: string }>(`SELECT id FROM collection.credit_records WHERE source_record_id = ANY($1)`, [sourceIds])).map(
      (r) => r.id,
    );
    const created = `FROM collection.outbox WHERE envelope->'data'->>'recordId' = ANY($1) AND subject LIKE '%credit.records.created'`;
    const converged = () =>
      Promise.all([
        count(`SELECT count(*)::int AS n ${created}`, [ids]),
        count(`SELECT count(*)::int AS n ${created} AND published_at IS NOT NULL`, [ids]),
        count(`SELECT count(*)::int AS n ${created} AND (envelope->'data'->>'isPublic')::boolean`, [ids]),
        count(`SELECT count(*)::int AS n FROM evaluation.subject_records WHERE record_id = ANY($1::uuid[])`, [ids]),
        count(`SELECT count(*)::int AS n FROM disclosure.public_records WHERE record_id = ANY($1::uuid[])`, [ids]),
      ]);
    const [outbox, published, publicEvents, projected, disclosed] = await eventually(
      converged,
      ([o, p, pe, e, d]) => p === o && e === ids.length && d === pe,
      120_000,
      250,
    );
    // The public view: each subject (one record each, a fresh USCC per body) shows its record if its event says public.
    const publicUsccs = new Set(
      (
        await platform.db.query<{ uscc: string }>(`SELECT envelope->'data'->'subject'->>'id' AS uscc ${created} AND (envelope->'data'->>'isPublic')::boolean`, [
          ids,
        ])
      ).map((r) => r.uscc),
    );
    let profilesShowingTheirRecord = 0;
    for (const b of bodies) {
      const profile = await fetch(`${platform.gatewayUrl}/public/v1/subjects/${b.subject.id}`).then(async (r) => ({
        status: r.status,
        penalties: r.status === 200 ? ((await r.json()) as { penalties: unknown[] }).penalties.length : 0,
      }));
      if (publicUsccs.has(b.subject.id) && profile.status === 200 && profile.penalties === 1) profilesShowingTheirRecord += 1;
    }
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
      disclosed,
      publicEvents,
      profilesShowingTheirRecord,
    };
  }

  /** Every submitted record once, everywhere; administrative penalties are public (the catalogue's isPublic), so each shows. */
  const exactlyOnce = (n: number) => ({
    submitted: n,
    stored: n,
    distinctStored: n,
    storedBySource: n,
    outbox: n,
    published: n,
    projected: n,
    disclosed: n,
    publicEvents: n,
    profilesShowingTheirRecord: n,
  });

  /** A refusal while the database is down: a clean 503 problem+json the client may retry, never a 500. */
  const refusal = (a: Attempt) => ({
    status: a.answer!.status,
    contentType: a.answer!.contentType?.split(';')[0],
    code: a.answer!.body.code,
    retryAfter: a.answer!.retryAfter !== null,
  });

  it('PostgreSQL stopped and started under load: every accepted record stored once, refusals are clean 503s, retries store the rest once', async () => {
    const traffic = load();
    await eventually(traffic.accepted, (n) => n >= 40, 60_000, 50);
    // Injected: a fast shutdown of the platform's PostgreSQL (sessions ended, open transactions rolled back) under load,
    // kept down until the platform has answered some requests without it, then started again.
    const stoppedAt = Date.now();
    await cluster.stop();
    await eventually(
      () => traffic.answeredAfter(stoppedAt),
      (n) => n >= WORKERS,
      60_000,
      50,
    );
    await cluster.start();
    const restartedAt = Date.now();
    // The platform recovers on its own: requests sent after the restart are accepted again.
    await eventually(
      () => traffic.acceptedAfter(restartedAt),
      (n) => n >= 20,
      90_000,
      100,
    );
    await traffic.stop();

    const attempts = traffic.attempts;
    const refused = attempts.filter((a) => a.answer && !accepted(a));
    const unanswered = attempts.filter((a) => !a.answer);
    expect(refused.length).toBeGreaterThan(0);
    expect(unanswered).toHaveLength(0); // the gateway itself never went away
    expect(refused.map(refusal)).toEqual(
      refused.map(() => ({ status: 503, contentType: 'application/problem+json', code: 'SERVICE.UNAVAILABLE', retryAfter: true })),
    );
    const firstAnswers = new Map(attempts.filter(accepted).map((a) => [a, answerId(a)]));
    report('PostgreSQL fast shutdown under load, then start', attempts, {
      refusedWhileDown: refused.length,
      refusedBatches: refused.filter((a) => a.kind === 'batch').length,
    });
    for (const a of refused) await retryUntilAccepted(a);
    // Counted: every attempt (accepted at first, or after its retry) against the rows, events and views.
    await waitForBatches(attempts);
    expect(await countsFor(attempts)).toEqual(exactlyOnce(attempts.reduce((n, a) => n + a.bodies.length, 0)));
    // The first 2xx answers still name what is stored: replaying each key gives the same id.
    expect(await replayed(firstAnswers)).toEqual([...firstAnswers].map(([a, id]) => ({ status: a.answer!.status, replayed: true, id })));
  }, 300_000);

  it('the gateway killed with SIGKILL with requests in flight and restarted: each answered or retried request stored once', async () => {
    const traffic = load();
    await eventually(traffic.accepted, (n) => n >= 40, 60_000, 50);
    // Injected: SIGKILL of the gateway while WORKERS requests are on their way, then a restart.
    const gateway = platform.processes.gateway;
    const killedAt = Date.now();
    gateway.kill('SIGKILL');
    await new Promise((r) => gateway.once('exit', r));
    await traffic.stop();
    await platform.restart('gateway');

    const attempts = traffic.attempts;
    const inFlight = attempts.filter((a) => a.startedAt < killedAt && !a.answer);
    const unanswered = attempts.filter((a) => !a.answer);
    expect(inFlight.length).toBeGreaterThan(0);
    // Answered requests before the kill were all accepted (the database was up throughout).
    expect(attempts.filter((a) => a.answer && !accepted(a)).map((a) => a.answer!.status)).toEqual([]);
    const firstAnswers = new Map(attempts.filter(accepted).map((a) => [a, answerId(a)]));
    // The client's retry of every request that got no answer, with its key.
    for (const a of unanswered) await retryUntilAccepted(a);
    report('gateway SIGKILL with requests in flight, then restart', attempts, {
      inFlightAtKill: inFlight.length,
      inFlightBatches: inFlight.filter((a) => a.kind === 'batch').length,
      unanswered: unanswered.length,
      unansweredButStoredBeforeTheKill: unanswered.filter((a) => a.answer!.replayed).length,
    });
    await waitForBatches(attempts);
    expect(await countsFor(attempts)).toEqual(exactlyOnce(attempts.reduce((n, a) => n + a.bodies.length, 0)));
    expect(await replayed(firstAnswers)).toEqual([...firstAnswers].map(([a, id]) => ({ status: a.answer!.status, replayed: true, id })));
  }, 300_000);
});
