import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EventDefinition, EventEnvelope } from '@contracts';
import { injectTraceHeaders } from '@platform/telemetry';

export interface NewEvent<TData> {
  subjectId: string;
  region: string;
  data: TData;
  occurredAt?: Date;
}

/** The channel the relay LISTENs on; NOTIFY is delivered only when the writing transaction commits. */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
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
  await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
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
