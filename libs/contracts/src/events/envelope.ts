/**
 * Every event on JetStream has this envelope (ARCHITECTURE.md §4). `id` is a UUIDv7 (time
 * ordered) and doubles as the `Nats-Msg-Id` for publisher-side de-duplication and as the inbox
 * key for consumer-side de-duplication.
 */
export interface EventEnvelope<TData = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  subjectId: string;
  region: string;
  data: TData;
}
