import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BatchEventHandler, ConsumerSpec, EventHandler, InboxConsumer, JetStreamHandles, MessagingNamespace } from '@platform/messaging';
import { JETSTREAM, SERVICE_CONFIG } from './tokens';
import type { BaseServiceConfig } from '@platform/config';

/**
 * Feature modules register their consumers here during `onModuleInit`; the runtime starts them
 * once the app is up and drains them first on shutdown.
 */
@Injectable()
export class EventConsumers {
  private readonly logger = new Logger('EventConsumers');
  private readonly consumers: InboxConsumer[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(JETSTREAM) private readonly jetstream: JetStreamHandles,
    private readonly ns: MessagingNamespace,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<BaseServiceConfig, 'INBOX_COALESCE_MS'>,
  ) {}

  /**
   * `handler` applies one event; `batchHandler`, if given, applies several received together with
   * set-based statements and must leave the same result (ADR 0033).
   */
  register(spec: ConsumerSpec, handler: EventHandler, batchHandler?: BatchEventHandler): void {
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
