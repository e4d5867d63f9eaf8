import { EntityManager } from 'typeorm';
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
export async function appendToOutbox<TData>(manager: EntityManager, schema: string, definition: EventDefinition<TData>, event: NewEvent<TData>): Promise<EventEnvelope<TData>> {
  const [envelope] = await appendManyToOutbox(manager, schema, definition, [event]);
  return envelope;
}

/** Many events of one type in one statement (bulk ingestion); same guarantees as appendToOutbox. */
export async function appendManyToOutbox<TData>(manager: EntityManager, schema: string, definition: EventDefinition<TData>, events: readonly NewEvent<TData>[]): Promise<EventEnvelope<TData>[]> {
  if (events.length === 0) return [];
  const envelopes = events.map((event) => toEnvelope(definition, event));
  const traceHeaders = JSON.stringify(injectTraceHeaders());
  await manager.query(
    `INSERT INTO outbox (id, subject, envelope, trace_headers)
       SELECT id, $2, envelope, $4::jsonb FROM unnest($1::uuid[], $3::jsonb[]) AS t (id, envelope)`,
    [envelopes.map((e) => e.id), definition.subject, envelopes.map((e) => JSON.stringify(e)), traceHeaders],
  );
  await wakeRelay(manager, schema);
  return envelopes;
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
