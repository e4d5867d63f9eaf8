import { DataSource, EntityManager } from 'typeorm';
import { AckPolicy, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg, ConsumerMessages } from '@nats-io/jetstream';
import { headers as natsHeaders, nanos } from '@nats-io/nats-core';
import { EventEnvelope, StreamName } from '@contracts';
import { eventsConsumed, extractTraceContext, SpanKind, withSpan } from '@platform/telemetry';
import { MessagingNamespace } from './namespace';
import { isNotFound } from './streams';

/** Thrown by a handler for an event it can never process; it goes straight to the dead-letter subject. */
export class PoisonMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}

/** Where the event came from: the logical subject (without the test namespace prefix). */
export interface DeliveryContext {
  subject: string;
}

export type EventHandler = (event: EventEnvelope, manager: EntityManager, delivery: DeliveryContext) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ConsumerSpec {
  stream: StreamName;
  /** Durable name, also the inbox key's first half: `<service>-<purpose>`. */
  durable: string;
  /** Logical subject (one per consumer: Debian's nats-server 2.9 has no multi-filter). */
  filterSubject: string;
  maxDeliver?: number;
  ackWaitMs?: number;
}

const DEFAULT_MAX_DELIVER = 5;
const DEFAULT_ACK_WAIT_MS = 30_000;

/**
 * A durable pull consumer with explicit ack and an inbox (ARCHITECTURE.md §4 **must**): the
 * inbox row and the handler's effect commit in one transaction, so a redelivered event changes
 * nothing the second time. Failures are retried with back-off up to `maxDeliver`; poison
 * messages and exhausted retries go to `deadletter.<durable>` with the reason, and are terminated
 * so they never block the stream.
 */
export class InboxConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly ns: MessagingNamespace,
    private readonly spec: ConsumerSpec,
    private readonly handler: EventHandler,
    private readonly onError: (error: unknown, context: Record<string, unknown>) => void = () => undefined,
  ) {}

  get maxDeliver(): number {
    return this.spec.maxDeliver ?? DEFAULT_MAX_DELIVER;
  }

  async start(): Promise<void> {
    await this.ensureDurable();
    const consumer = await this.js.consumers.get(this.ns.stream(this.spec.stream), this.spec.durable);
    this.messages = await consumer.consume({ max_messages: 256 });
    const messages = this.messages;
    this.loop = (async () => {
      for await (const message of messages) await this.handle(message);
    })();
  }

  /** Stops fetching, finishes the message in hand, and returns (SIGTERM drain). */
  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  private async ensureDurable(): Promise<void> {
    const stream = this.ns.stream(this.spec.stream);
    const config = {
      durable_name: this.spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.ns.subject(this.spec.filterSubject),
      max_deliver: this.maxDeliver,
      ack_wait: nanos(this.spec.ackWaitMs ?? DEFAULT_ACK_WAIT_MS),
    };
    try {
      await this.jsm.consumers.info(stream, this.spec.durable);
      // An existing durable keeps its old config unless updated (ENGINEERING.md).
      await this.jsm.consumers.update(stream, this.spec.durable, { max_deliver: config.max_deliver, ack_wait: config.ack_wait });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.jsm.consumers.add(stream, config);
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    const event = this.parse(message);
    if (!event) return;
    const carrier: Record<string, string> = {};
    for (const key of ['traceparent', 'tracestate']) {
      const value = message.headers?.get(key);
      if (value) carrier[key] = value;
    }
    const parent = extractTraceContext(carrier);
    const attributes = { 'messaging.system': 'nats', 'messaging.destination.name': message.subject, 'messaging.message.id': event.id, 'messaging.consumer.group.name': this.spec.durable };
    await withSpan(`${this.spec.filterSubject} process`, { kind: SpanKind.CONSUMER, parent, attributes }, async () => {
      try {
        const duplicate = await this.apply(event, { subject: this.ns.logicalSubject(message.subject) });
        eventsConsumed.inc({ consumer: this.spec.durable, outcome: duplicate ? 'duplicate' : 'processed' });
        message.ack();
      } catch (error) {
        await this.fail(message, error);
      }
    }).catch(() => undefined);
  }

  /** Returns true when the event had already been processed (inbox hit). */
  private apply(event: EventEnvelope, delivery: DeliveryContext): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.spec.durable, event.id],
      );
      if (inserted.length === 0) return true;
      await this.handler(event, manager, delivery);
      return false;
    });
  }

  private parse(message: JsMsg): EventEnvelope | undefined {
    try {
      const event = message.json<EventEnvelope>();
      if (typeof event?.id !== 'string' || typeof event.type !== 'string') throw new Error('not an event envelope');
      // The inbox key is a uuid column: anything else would fail every retry, so refuse it at once.
      if (!UUID.test(event.id)) throw new Error('envelope id is not a UUID');
      return event;
    } catch (error) {
      void this.deadLetter(message, `unparseable: ${(error as Error).message}`).then(() => message.term());
      return undefined;
    }
  }

  private async fail(message: JsMsg, error: unknown): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const attempts = message.info.deliveryCount;
    if (error instanceof PoisonMessageError || attempts >= this.maxDeliver) {
      this.onError(error, { consumer: this.spec.durable, subject: message.subject, attempts, deadLettered: true });
      eventsConsumed.inc({ consumer: this.spec.durable, outcome: 'dead-lettered' });
      await this.deadLetter(message, reason);
      message.term(reason);
      return;
    }
    this.onError(error, { consumer: this.spec.durable, subject: message.subject, attempts, deadLettered: false });
    eventsConsumed.inc({ consumer: this.spec.durable, outcome: 'retried' });
    message.nak(Math.min(30_000, 250 * 2 ** attempts));
  }

  private async deadLetter(message: JsMsg, reason: string): Promise<void> {
    const headers = natsHeaders();
    headers.set('Dead-Letter-Reason', reason.slice(0, 1000).replace(/[\r\n]+/g, ' '));
    headers.set('Dead-Letter-Consumer', this.spec.durable);
    headers.set('Original-Subject', message.subject);
    headers.set('Original-Sequence', String(message.seq));
    await this.js.publish(this.ns.deadLetterSubject(this.spec.durable), message.data, { headers });
  }
}
