import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEnvelope, MONITORING_VIOLATIONS_SUBJECT } from '@contracts';
import { EventConsumers } from '@platform/service';
import type { IngestMonitoringViolationCommand } from '../application/ingest-monitoring-violation.command';
import { IngestMonitoringViolationHandler } from '../application/ingest-monitoring-violation.handler';

/** Durable name of the feed consumer; dead letters go to `deadletter.collection-monitoring-feed`. */
export const MONITORING_FEED_DURABLE = 'collection-monitoring-feed';

/**
 * Registers the durable pull consumer of every region's monitoring feed (one filter subject).
 * The feed is not in the event catalogue (platforms publish on per-region wildcard subjects, in
 * their own envelope version), so it registers untyped (`EventConsumers.register`, the documented
 * route for such feeds) and the handler checks every part of the message.
 */
@Injectable()
export class MonitoringEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly ingest: IngestMonitoringViolationHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      { stream: 'MONITORING', durable: MONITORING_FEED_DURABLE, filterSubject: `${MONITORING_VIOLATIONS_SUBJECT}.>`, maxDeliver: 5 },
      async (event, manager, delivery) => {
        await this.ingest.execute(toIngestCommand(event, delivery.subject), manager);
      },
    );
  }
}

/** The message as the handler takes it (exported for the feed's int-spec, which registers its own consumer). */
export function toIngestCommand(event: EventEnvelope, subject: string): IngestMonitoringViolationCommand {
  const data = event.data as { source?: unknown; record?: unknown } | null;
  return { subject, source: data?.source, record: data?.record };
}
