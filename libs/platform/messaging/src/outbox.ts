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
  const envelope: EventEnvelope<TData> = {
    id: uuidv7(),
    type: definition.subject,
    version: definition.version,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    subjectId: event.subjectId,
    region: event.region,
    data: event.data,
  };
  await manager.query(`INSERT INTO outbox (id, subject, envelope, trace_headers) VALUES ($1, $2, $3, $4)`, [
    envelope.id,
    definition.subject,
    JSON.stringify(envelope),
    JSON.stringify(injectTraceHeaders()),
  ]);
  await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
  return envelope;
}
