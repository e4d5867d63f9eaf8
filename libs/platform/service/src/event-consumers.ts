import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EntityManager } from 'typeorm';
import { EventDefinition, EventEnvelope } from '@contracts';
import {
  BatchEventHandler,
  ConsumerSpec,
  DeliveryContext,
  EventHandler,
  InboxConsumer,
  JetStreamHandles,
  MessagingNamespace,
  PoisonMessageError,
} from '@platform/messaging';
import { assertMessagingRetention } from './messaging-retention';
import { JETSTREAM, SERVICE_CONFIG } from './tokens';
import type { BaseServiceConfig } from '@platform/config';

/**
 * Feature modules register their consumers here during `onModuleInit`; the runtime starts them
 * once the app is up and drains them first on shutdown.
 */
/** The handlers of one catalogued event: `one` applies an event, `many` (optional) a batch (ADR 0033). */
export interface TypedEventHandlers<TData> {
  one(event: EventEnvelope<TData>, manager: EntityManager, delivery: DeliveryContext): Promise<void>;
  many?(events: EventEnvelope<TData>[], manager: EntityManager): Promise<void>;
}

export type ConsumerOptions = Omit<ConsumerSpec, 'stream' | 'durable' | 'filterSubject'>;

@Injectable()
export class EventConsumers {
  private readonly logger = new Logger('EventConsumers');
  private readonly consumers: InboxConsumer[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(JETSTREAM) private readonly jetstream: JetStreamHandles,
    private readonly ns: MessagingNamespace,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<BaseServiceConfig, 'INBOX_COALESCE_MS' | 'MESSAGING_RETENTION_MS'>,
  ) {}

  /**
   * Consumes one catalogued event (`Events.X` in `@contracts`) with handlers typed by its payload:
   * stream and filter subject come from the catalogue, and an envelope of another version is a
   * poison message (dead-lettered with the reason), so handlers never cast or re-check.
   */
  consume<TData>(event: EventDefinition<TData>, durable: string, handlers: TypedEventHandlers<TData>, options: ConsumerOptions = {}): void {
    const assertVersion = (envelope: EventEnvelope): EventEnvelope<TData> => {
      if (envelope.version !== event.version) {
        throw new PoisonMessageError(`${event.subject}: unsupported version ${envelope.version} (expected ${event.version})`);
      }
      return envelope as EventEnvelope<TData>;
    };
    this.register(
      { ...options, stream: event.stream, durable, filterSubject: event.subject },
      (envelope, manager, delivery) => handlers.one(assertVersion(envelope), manager, delivery),
      handlers.many && ((envelopes, manager) => handlers.many!(envelopes.map(assertVersion), manager)),
    );
  }

  /**
   * Untyped registration, for feeds outside the event catalogue (e.g. monitoring platforms' wildcard
   * subjects). `handler` applies one event; `batchHandler`, if given, applies several received together with
   * set-based statements and must leave the same result (ADR 0033).
   */
  register(spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler): void {
    // A consumer whose redeliveries outlast the inbox retention would apply a late one twice.
    assertMessagingRetention(this.config, [spec]);
    this.consumers.push(
      new InboxConsumer(
        this.dataSource,
        this.jetstream.js,
        this.jetstream.jsm,
        this.ns,
        { coalesceMs: this.config.INBOX_COALESCE_MS, ...spec },
        handler,
        (error, context) => this.logger.warn({ err: error, ...context }, 'event handling failed'),
        batchHandler,
      ),
    );
  }

  async startAll(): Promise<void> {
    for (const consumer of this.consumers) await consumer.start();
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}
