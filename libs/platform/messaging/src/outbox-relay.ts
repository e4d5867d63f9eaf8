import { Client } from 'pg';
import { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { eventsPublished, extractTraceContext, outboxPublishLag, injectTraceHeaders, SpanKind, withSpan } from '@platform/telemetry';
import { MessagingNamespace } from './namespace';
import { outboxChannel, registerLocalRelay } from './outbox';

interface OutboxRow {
  seq: string;
  id: string;
  subject: string;
  /** The envelope as JSON text: published as stored, never parsed and re-serialised here. */
  envelope: string;
  trace_headers: Record<string, string>;
  /** Seconds since the row was committed (outbox lag, measured by PostgreSQL's clock). */
  lag_seconds: number;
}

/**
 * How far below the highest published `seq` a wake-up still looks: more than the rows that can be
 * in flight at once (batch chunks of 500 on two workers, plus single writes), so a transaction
 * that commits after newer ones is normally caught at once rather than at the next poll.
 */
const RECENT_WINDOW = 5_000n;

export interface OutboxRelayOptions {
  schema: string;
  /** URL for the dedicated LISTEN connection (the service's own). */
  databaseUrl: string;
  pollIntervalMs: number;
  /**
   * How long a wake-up waits before the relay starts, so that events committed in the meantime go
   * in the same batch (0: start at once). Trades a few milliseconds of event latency for fewer
   * relay round trips per event under load (docs/perf.md).
   */
  coalesceMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = event id, then marks them
 * published. `FOR UPDATE SKIP LOCKED` lets several replicas relay side by side without
 * publishing a row twice in the normal case; if a replica dies between publish and commit, the
 * row is published again and JetStream's duplicate window (and every consumer's inbox) absorbs it.
 * Woken after commit for low latency — directly by writers in the same process, by NOTIFY from
 * others — with polling as the safety net.
 *
 * A wake-up scans only the recent end of the outbox (`seq` above the highest it published minus
 * `RECENT_WINDOW`): rows published long ago leave dead index entries behind until VACUUM runs,
 * and a scan from the start would walk all of them on every commit (docs/perf.md). A row whose
 * transaction committed later than `RECENT_WINDOW` newer rows is still found by the poll, which
 * always scans from the start.
 */
export class OutboxRelay {
  private listener?: Client;
  private connection?: Promise<Client>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private sweepAgain = false;
  private stopped = true;
  /** Highest `seq` this relay has published (0: none yet, so the first scan is a full one). */
  private highestPublished = 0n;

  constructor(
    private readonly js: JetStreamClient,
    private readonly ns: MessagingNamespace,
    private readonly options: OutboxRelayOptions,
  ) {}

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.listener = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.schema}-outbox-listener` });
    this.listener.on('notification', () => this.nudge('recent'));
    this.listener.on('error', (error) => this.options.onError?.(error));
    await this.listener.connect();
    await this.listener.query(`LISTEN ${outboxChannel(this.options.schema)}`);
    this.timer = setInterval(() => this.nudge('all'), this.options.pollIntervalMs);
    registerLocalRelay(this.options.schema, () => this.nudge('recent'));
    this.nudge('all');
  }

  /**
   * Requests a drain of the recent rows (a commit was announced) or of all rows (the poll);
   * coalesces requests that arrive while one is running.
   */
  nudge(scope: 'recent' | 'all' = 'recent'): void {
    if (this.stopped) return;
    if (scope === 'all') this.sweepAgain = true;
    if (this.running) {
      this.again = true;
      return;
    }
    const coalesceMs = this.options.coalesceMs ?? 0;
    this.running = (coalesceMs > 0 ? new Promise((resolve) => setTimeout(resolve, coalesceMs)) : Promise.resolve())
      .then(() => this.drainLoop())
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Publishes everything pending now (from the start of the outbox); returns how many rows. */
  async drain(scope: 'recent' | 'all' = 'all'): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch(this.scanFrom(scope));
      total += published;
      // A batch that was not full took every row there was: one more scan would find none.
      if (published < this.batchSize) return total;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    registerLocalRelay(this.options.schema, undefined);
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
    const connection = this.connection;
    this.connection = undefined;
    await connection?.then((client) => client.end()).catch(() => undefined);
  }

  /** Rows at or below this `seq` are not looked at. */
  private scanFrom(scope: 'recent' | 'all'): bigint {
    const from = this.highestPublished - RECENT_WINDOW;
    return scope === 'all' || from < 0n ? 0n : from;
  }

  private async drainLoop(): Promise<void> {
    do {
      this.again = false;
      const scope = this.sweepAgain ? 'all' : 'recent';
      this.sweepAgain = false;
      try {
        await this.drain(scope);
      } catch (error) {
        this.options.onError?.(error);
        return;
      }
    } while (this.again && !this.stopped);
  }

  /**
   * One relay batch in two round trips on the relay's own connection: the first sends BEGIN, the
   * commit setting and the prepared claim (an UPDATE that claims and marks the next rows, `FOR
   * UPDATE SKIP LOCKED`, RETURNING them) as one simple-protocol message; the rows are published;
   * the second sends COMMIT — or ROLLBACK if a publish failed, which leaves the rows unpublished
   * for the next try. It was five round trips on a pool connection (BEGIN, SET, SELECT, UPDATE,
   * COMMIT), each planned anew; on this VM every round trip is a costly system call and planning
   * the claim cost more than running it (docs/perf.md). Marking rows published need not wait for
   * the disk: if a crash loses the mark, the rows are published again with the same Nats-Msg-Id,
   * which JetStream's duplicate window and every consumer's inbox absorb.
   */
  private async publishBatch(after: bigint): Promise<number> {
    const client = await this.relayConnection();
    try {
      const results = (await client.query(
        `BEGIN; SET LOCAL synchronous_commit = off; SET LOCAL enable_bitmapscan = off; EXECUTE outbox_claim(${after.toString()}, ${this.batchSize})`,
      )) as unknown as { rows: OutboxRow[] }[];
      const rows = results[results.length - 1].rows.sort((a, b) => compareSeq(a.seq, b.seq));
      try {
        await Promise.all(rows.map((row) => this.publish(row)));
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      await client.query('COMMIT');
      if (rows.length > 0) {
        const highest = BigInt(rows[rows.length - 1].seq);
        if (highest > this.highestPublished) this.highestPublished = highest;
      }
      return rows.length;
    } catch (error) {
      // Whatever state the connection is in, the next batch starts on a fresh one.
      this.connection = undefined;
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  /**
   * The relay's own connection (one batch at a time, so one is enough) with the claim prepared
   * once. A plain index scan (bitmap scans off) lets PostgreSQL mark the index entries of rows
   * published earlier as dead on first visit, so later claims skip them cheaply until VACUUM.
   */
  private relayConnection(): Promise<Client> {
    this.connection ??= (async () => {
      const client = new Client({
        connectionString: this.options.databaseUrl,
        application_name: `${this.options.schema}-outbox-relay`,
        options: `-c search_path=${this.options.schema}`,
      });
      client.on('error', (error) => this.options.onError?.(error));
      await client.connect();
      await client.query(
        `PREPARE outbox_claim(bigint, int) AS
           UPDATE outbox SET published_at = now() WHERE seq IN (
             SELECT seq FROM outbox WHERE published_at IS NULL AND seq > $1 ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING seq, id, subject, envelope::text AS envelope, trace_headers,
                     extract(epoch FROM clock_timestamp() - created_at)::float8 AS lag_seconds`,
      );
      return client;
    })().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  private publish(row: OutboxRow): Promise<void> {
    const parent = extractTraceContext(row.trace_headers);
    return withSpan(
      `${row.subject} publish`,
      {
        kind: SpanKind.PRODUCER,
        parent,
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': row.subject, 'messaging.message.id': row.id },
      },
      async () => {
        const headers = natsHeaders();
        for (const [key, value] of Object.entries(injectTraceHeaders())) headers.set(key, value);
        await this.js.publish(this.ns.subject(row.subject), row.envelope, { msgID: row.id, headers });
        eventsPublished.inc({ subject: row.subject });
        outboxPublishLag.observe(row.lag_seconds);
      },
    );
  }
}

function compareSeq(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
