import { Injectable, OnModuleInit } from '@nestjs/common';
import { MONITORING_VIOLATIONS_SUBJECT } from '@contracts';
import { EventConsumers } from '@platform/service';
import { IngestMonitoringViolationHandler } from '../application/ingest-monitoring-violation.handler';

/** Durable name of the feed consumer; dead letters go to `deadletter.collection-monitoring-feed`. */
export const MONITORING_FEED_DURABLE = 'collection-monitoring-feed';

/** Registers the durable pull consumer of every region's monitoring feed (one filter subject). */
@Injectable()
export class MonitoringFeedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly ingest: IngestMonitoringViolationHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      { stream: 'MONITORING', durable: MONITORING_FEED_DURABLE, filterSubject: `${MONITORING_VIOLATIONS_SUBJECT}.>`, maxDeliver: 5 },
      async (event, manager, delivery) => {
        await this.ingest.execute(event, manager, delivery.subject);
      },
    );
  }
}
