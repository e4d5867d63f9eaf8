import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EventDefinition, EventEnvelope } from '@contracts';
import { afterCommit } from '@platform/database';
import { injectTraceHeaders } from '@platform/telemetry';

export interface NewEvent<TData> {
  subjectId: string;
  region: string;
  data: TData;
  occurredAt?: Date;
}

/** The channel the relay LISTENs on; writers NOTIFY it once their transaction has committed. */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/**
 * Relays running in this process, by schema. A writer wakes its own process's relay directly
 * (no round trip to PostgreSQL on the request path); every replica runs a relay, so the writing
 * replica's relay publishes what it wrote. NOTIFY remains for writers without a relay in their
 * process (scripts, tests), and polling covers a lost wake-up either way.
 */
const localRelays = new Map<string, () => void>();

/** Called by a relay when it starts (and with `undefined` when it stops). */
export function registerLocalRelay(schema: string, wake: (() => void) | undefined): void {
  if (wake) localRelays.set(schema, wake);
  else localRelays.delete(schema);
}

async function sendWakeUp(schema: string, notify: (channel: string) => Promise<unknown>): Promise<void> {
  const wake = localRelays.get(schema);
  if (wake) wake();
  else await notify(outboxChannel(schema)).catch(() => undefined);
}

/**
 * NOTIFY inside a writing transaction makes PostgreSQL take one database-wide lock at commit and
 * hold it until the commit is flushed to disk, so every concurrent writer's commit waited for
 * the previous one's fsync (single records topped out at ~240/s, docs/perf.md). The wake-up is
 * therefore sent after the commit, on the same connection, in a statement of its own (no WAL
 * flush). It is only a wake-up: if it is lost, the relay's polling publishes the row anyway.
 */
function wakeRelay(manager: EntityManager, schema: string): Promise<void> {
  return afterCommit(manager, 'outbox.wakeRelay', [schema], async (schemas, runner) => {
    const query = runner ?? manager;
    for (const committed of schemas) await sendWakeUp(committed, (channel) => query.query(`SELECT pg_notify($1, '')`, [channel]));
  });
}

/**
 * Appends an event to the outbox inside the caller's transaction (ARCHITECTURE.md §4 **must**):
 * the state change and the event commit together or not at all. The current trace context is
 * stored with the row, so the relay's publish — which happens later, outside the request —
 * continues the same trace.
 */
export async function appendToOutbox<TData>(
  manager: EntityManager,
  schema: string,
  definition: EventDefinition<TData>,
  event: NewEvent<TData>,
): Promise<EventEnvelope<TData>> {
  const [envelope] = await appendManyToOutbox(manager, schema, definition, [event]);
  return envelope;
}

/** Many events of one type in one statement (bulk ingestion); same guarantees as appendToOutbox. */
export async function appendManyToOutbox<TData>(
  manager: EntityManager,
  schema: string,
  definition: EventDefinition<TData>,
  events: readonly NewEvent<TData>[],
): Promise<EventEnvelope<TData>[]> {
  if (events.length === 0) return [];
  const envelopes = events.map((event) => toEnvelope(definition, event));
  await manager.query(outboxInsertSql(1), outboxInsertParams(definition, envelopes));
  await wakeRelay(manager, schema);
  return envelopes;
}

/** A data-modifying statement with its parameters ($1…$n), to be written together with events. */
export interface WriteStatement {
  sql: string;
  params: unknown[];
}

export interface WriteWithOutboxOptions {
  /** Commit without waiting for the WAL flush (see writeWithOutbox). Default: wait. */
  asynchronousCommit?: boolean;
}

/**
 * Runs `write` and the outbox insert of `events` as ONE statement (`WITH written AS (write)
 * INSERT INTO outbox …`), outside any explicit transaction: PostgreSQL applies a statement whole
 * or not at all, so the state change and its events still commit together (ARCHITECTURE.md §4),
 * in one round trip instead of four (BEGIN, two INSERTs, COMMIT). For hot paths whose write is a
 * single statement (the decision log); everything else uses a transaction and appendToOutbox.
 *
 * `asynchronousCommit` returns once PostgreSQL has committed the statement without waiting for
 * its WAL to reach disk (PostgreSQL manual §30.4 "Asynchronous Commit"): the write and its events
 * stay atomic and visible at once, and survive a crash of the service; a crash of the database
 * server itself may lose the last ≤ 3 × wal_writer_delay of such commits, both together. Only for
 * records that are not something a caller handed over (ADR 0036: the decision log); never for
 * accepted input. It needs at least one event: the setting is applied by the outbox insert.
 */
export async function writeWithOutbox<TData>(
  dataSource: DataSource,
  schema: string,
  write: WriteStatement,
  definition: EventDefinition<TData>,
  events: readonly NewEvent<TData>[],
  options: WriteWithOutboxOptions = {},
): Promise<EventEnvelope<TData>[]> {
  if (options.asynchronousCommit && events.length === 0) throw new Error('writeWithOutbox: an asynchronous commit needs at least one event');
  const envelopes = events.map((event) => toEnvelope(definition, event));
  const first = write.params.length + 1;
  // set_config(…, true) lasts until the end of this statement's own (implicit) transaction, i.e.
  // it is in force when PostgreSQL commits it; as a one-off subquery it runs once, before the first row.
  const commitMode = options.asynchronousCommit ? ` WHERE (SELECT set_config('synchronous_commit', 'off', true)) = 'off'` : '';
  await dataSource.query(`WITH written AS (${write.sql}) ${outboxInsertSql(first)}${commitMode}`, [
    ...write.params,
    ...outboxInsertParams(definition, envelopes),
  ]);
  // The statement has committed (autocommit): wake the relay now.
  await sendWakeUp(schema, (channel) => dataSource.query(`SELECT pg_notify($1, '')`, [channel]));
  return envelopes;
}

/** A write as data-modifying CTEs whose rows may be skipped (ON CONFLICT DO NOTHING). */
export interface KeyedWrite {
  /** The CTEs, `a AS (…), b AS (…)`, with parameters $1…$n. */
  ctes: string;
  params: unknown[];
  /** The CTE among them returning an `id` for every row it wrote: an event goes out with its key's row. */
  written: string;
}

/** An event for the row whose id is `key`, if that row is written. */
export type KeyedEvent<TData> = NewEvent<TData> & { key: string };

/**
 * Runs `write` and the outbox inserts of the events whose rows it wrote as ONE statement
 * (`WITH …, events AS (INSERT INTO outbox … WHERE key IN written) SELECT id FROM written`): rows a
 * unique key skipped get no event. A statement is applied whole or not at all, so on `manager`
 * outside a transaction (`dataSource.manager`, autocommit) the rows and their events still commit
 * together (ARCHITECTURE.md §4) — one round trip instead of four (BEGIN, INSERTs, COMMIT); inside
 * the caller's transaction it is one statement less. Returns the keys written, in no set order.
 */
export async function writeKeyedWithOutbox<TData>(
  manager: EntityManager,
  schema: string,
  write: KeyedWrite,
  definition: EventDefinition<TData>,
  events: readonly KeyedEvent<TData>[],
): Promise<string[]> {
  const envelopes = events.map((event) => toEnvelope(definition, event));
  const first = write.params.length + 1;
  const rows: { key: string }[] = await manager.query(
    `WITH ${write.ctes},
     events AS (${outboxInsertSql(first, write.written)})
     SELECT id::text AS key FROM ${write.written}`,
    [...write.params, ...outboxInsertParams(definition, envelopes), events.map((e) => e.key)],
  );
  if (rows.length > 0) await wakeRelay(manager, schema);
  return rows.map((row) => row.key);
}

/**
 * The outbox insert with its four parameters numbered from `$first` (see outboxInsertParams).
 * With `keysFrom`, a fifth parameter holds one key per event, and only the events whose key is
 * among that CTE's ids are inserted.
 */
function outboxInsertSql(first: number, keysFrom?: string): string {
  const source = keysFrom
    ? `unnest($${first}::uuid[], $${first + 2}::jsonb[], $${first + 4}::text[]) AS t (id, envelope, key) WHERE t.key IN (SELECT id::text FROM ${keysFrom})`
    : `unnest($${first}::uuid[], $${first + 2}::jsonb[]) AS t (id, envelope)`;
  return `INSERT INTO outbox (id, subject, envelope, trace_headers)
    SELECT id, $${first + 1}, envelope, $${first + 3}::jsonb FROM ${source}`;
}

function outboxInsertParams<TData>(definition: EventDefinition<TData>, envelopes: EventEnvelope<TData>[]): unknown[] {
  return [envelopes.map((e) => e.id), definition.subject, envelopes.map((e) => JSON.stringify(e)), JSON.stringify(injectTraceHeaders())];
}

function toEnvelope<TData>(definition: EventDefinition<TData>, event: NewEvent<TData>): EventEnvelope<TData> {
  return {
    id: uuidv7(),
    type: definition.subject,
    version: definition.version,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    subjectId: event.subjectId,
    region: event.region,
    data: event.data,
  };
}
