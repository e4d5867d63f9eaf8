import { DataSource, EntityManager } from 'typeorm';
import { AckPolicy, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg, ConsumerMessages } from '@nats-io/jetstream';
import { headers as natsHeaders, nanos } from '@nats-io/nats-core';
import { EventEnvelope, StreamName } from '@contracts';
import { consumerPending, eventsConsumed, extractTraceContext, linkFromTraceHeaders, SpanKind, withSpan } from '@platform/telemetry';
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

/**
 * Applies several events of one consumer at once, in stream order, with set-based statements
 * (ADR 0033). It must leave exactly what applying `EventHandler` to each event in turn would
 * leave; a batch handler that throws rolls the batch back and the events are applied one by one
 * by the single-event handler (which alone decides retries and dead letters).
 */
/** `deliveries[i]` is where `events[i]` came from (feeds whose subject carries meaning, e.g. the region). */
export type BatchEventHandler = (events: EventEnvelope[], manager: EntityManager, deliveries?: DeliveryContext[]) => Promise<void>;

interface Delivery {
  message: JsMsg;
  event: EventEnvelope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ConsumerSpec {
  stream: StreamName;
  /** Durable name, also the inbox key's first half: `<service>-<purpose>`. */
  durable: string;
  /** Logical subject (one per consumer: Debian's nats-server 2.9 has no multi-filter). */
  filterSubject: string;
  maxDeliver?: number;
  ackWaitMs?: number;
  /**
   * How long the consumer waits, once a message arrives while it is idle, for more to join the
   * batch (0: only those already received). A trickle of events then costs a transaction per few
   * events instead of one each (docs/perf.md); each event is applied that much later.
   */
  coalesceMs?: number;
}

const DEFAULT_MAX_DELIVER = 5;
const DEFAULT_ACK_WAIT_MS = 30_000;

/** Events applied in one transaction at most; also how many a consumer holds before it waits. */
const MAX_BATCH = 200;

/**
 * A durable pull consumer with explicit ack and an inbox (ARCHITECTURE.md §4 **must**): the
 * inbox row and the handler's effect commit in one transaction, so a redelivered event changes
 * nothing the second time. Failures are retried with back-off up to `maxDeliver`; poison
 * messages and exhausted retries go to `deadletter.<durable>` with the reason, and are terminated
 * so they never block the stream.
 *
 * Events that arrive together are applied together: every message already received when the
 * consumer becomes free goes into one transaction (in stream order, at most `MAX_BATCH`), so a
 * backlog costs one commit per batch instead of one per event (ADR 0016). If anything in the
 * batch fails, the batch rolls back and its events are applied one by one, each in its own
 * transaction, so one bad event is retried or dead-lettered alone and the others still land.
 */
export class InboxConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly received: JsMsg[] = [];
  private draining?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly ns: MessagingNamespace,
    private readonly spec: ConsumerSpec,
    private readonly handler: EventHandler,
    private readonly onError: (error: unknown, context: Record<string, unknown>) => void = () => undefined,
    private readonly batchHandler?: BatchEventHandler,
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
      for await (const message of messages) {
        consumerPending.set({ consumer: this.spec.durable }, message.info.pending);
        this.received.push(message);
        this.draining ??= this.drain().finally(() => (this.draining = undefined));
        // Back-pressure: hold no more than a batch beyond the one being applied.
        if (this.received.length >= MAX_BATCH) await this.draining;
      }
      await this.draining;
    })();
  }

  /** Stops fetching, finishes the messages in hand, and returns (SIGTERM drain). */
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

  /** Applies what has been received, batch after batch, until nothing is left. */
  private async drain(): Promise<void> {
    // Let the messages the client already holds (or, with coalesceMs, that arrive meanwhile) join this batch.
    const coalesceMs = this.spec.coalesceMs ?? 0;
    await new Promise((resolve) => (coalesceMs > 0 ? setTimeout(resolve, coalesceMs) : setImmediate(resolve)));
    while (this.received.length > 0) {
      const batch = this.received.splice(0, MAX_BATCH);
      const parsed = batch.map((message) => ({ message, event: this.parse(message) })).filter((m): m is Delivery => m.event !== undefined);
      if (parsed.length === 1) await this.handle(parsed[0]);
      else if (parsed.length > 1 && !(await this.applyTogether(parsed))) {
        for (const delivery of parsed) await this.handle(delivery);
      }
    }
  }

  /** One event, one transaction: retried with back-off or dead-lettered on failure. */
  private async handle(delivery: Delivery): Promise<void> {
    try {
      const duplicate = await this.dataSource.transaction(async (manager) => {
        const fresh = await this.claimInbox(manager, [delivery.event.id]);
        if (!fresh.has(delivery.event.id)) return true;
        await this.applyOne(manager, delivery);
        return false;
      });
      eventsConsumed.inc({ consumer: this.spec.durable, outcome: duplicate ? 'duplicate' : 'processed' });
      delivery.message.ack();
    } catch (error) {
      await this.fail(delivery.message, error);
    }
  }

  /** All events in one transaction; false (and nothing applied) if any of them failed. */
  private async applyTogether(batch: Delivery[]): Promise<boolean> {
    let processed = 0;
    try {
      await this.dataSource.transaction(async (manager) => {
        const fresh = await this.claimInbox(
          manager,
          batch.map((d) => d.event.id),
        );
        // A second copy of an event in the same batch finds its id already claimed.
        const toApply = batch.filter((delivery) => fresh.delete(delivery.event.id));
        processed = toApply.length;
        if (this.batchHandler && toApply.length > 0) await this.applyAll(manager, toApply);
        else for (const delivery of toApply) await this.applyOne(manager, delivery);
      });
    } catch {
      return false;
    }
    eventsConsumed.inc({ consumer: this.spec.durable, outcome: 'processed' }, processed);
    eventsConsumed.inc({ consumer: this.spec.durable, outcome: 'duplicate' }, batch.length - processed);
    for (const { message } of batch) message.ack();
    return true;
  }

  /** Inserts the inbox rows; returns the ids that were not there yet (the events to apply). */
  private async claimInbox(manager: EntityManager, eventIds: string[]): Promise<Set<string>> {
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.spec.durable, eventIds],
    );
    return new Set(inserted.map((row) => row.event_id));
  }

  /** Runs the handler inside the event's own consumer span (joined to the producer's trace). */
  private async applyOne(manager: EntityManager, { message, event }: Delivery): Promise<void> {
    const parent = extractTraceContext(traceHeaders(message));
    const attributes = {
      'messaging.system': 'nats',
      'messaging.destination.name': message.subject,
      'messaging.message.id': event.id,
      'messaging.consumer.group.name': this.spec.durable,
    };
    await withSpan(`${this.spec.filterSubject} process`, { kind: SpanKind.CONSUMER, parent, attributes }, () =>
      this.handler(event, manager, { subject: this.ns.logicalSubject(message.subject) }),
    );
  }

  /** Runs the batch handler inside one consumer span linked to every event's producer span. */
  private async applyAll(manager: EntityManager, batch: Delivery[]): Promise<void> {
    const links = batch.map(({ message }) => linkFromTraceHeaders(traceHeaders(message))).filter((link) => link !== undefined);
    const attributes = { 'messaging.system': 'nats', 'messaging.batch.message_count': batch.length, 'messaging.consumer.group.name': this.spec.durable };
    await withSpan(`${this.spec.filterSubject} process`, { kind: SpanKind.CONSUMER, attributes, links }, () =>
      this.batchHandler!(
        batch.map((d) => d.event),
        manager,
        batch.map((d) => ({ subject: this.ns.logicalSubject(d.message.subject) })),
      ),
    );
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

function traceHeaders(message: JsMsg): Record<string, string> {
  const carrier: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate']) {
    const value = message.headers?.get(key);
    if (value) carrier[key] = value;
  }
  return carrier;
}
