import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EventEnvelope } from '@contracts';
import { parseRegionCode } from '@domain/identifiers';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers, SERVICE_CONFIG } from '@platform/service';
import { IngestPositionsHandler } from '../application/ingest-positions.handler';
import { parsePositionBatch, type PositionBatch } from '../domain/position-batch';
import type { PermitsConfig } from '../../permits.definition';

export const POSITIONS_SUBJECT = 'telemetry.positions';
/** Durable name; dead letters go to `deadletter.permits-conformance-positions`. */
export const CONFORMANCE_POSITIONS_DURABLE = 'permits-conformance-positions';

/**
 * Batches of positions from monitoring platforms on `telemetry.positions.<region>` (POSITIONS
 * stream; data: { foundBy, reports }). Outside the event catalogue, like the monitoring feed, so
 * registered untyped; a batch whose shape is wrong is poison (dead-lettered with every field).
 */
@Injectable()
export class PositionsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly ingest: IngestPositionsHandler,
    @Inject(SERVICE_CONFIG) private readonly config: PermitsConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      { stream: 'POSITIONS', durable: CONFORMANCE_POSITIONS_DURABLE, filterSubject: `${POSITIONS_SUBJECT}.>`, maxDeliver: 5 },
      async (event, manager, delivery) => {
        const { batch, region } = this.parse(event, delivery.subject);
        await this.ingest.execute(manager, batch, region);
      },
      // Several batches received together (a backlog): one judgement per region and monitoring
      // unit, so each vehicle's state is read and written once, not once per message (ADR 0033).
      async (events, manager, deliveries) => {
        const groups = new Map<string, { batch: PositionBatch; region: string }>();
        for (const [i, event] of events.entries()) {
          const { batch, region } = this.parse(event, deliveries?.[i]?.subject ?? '');
          const key = `${region}|${batch.foundBy.uscc}|${batch.foundBy.name}`;
          const group = groups.get(key);
          if (group) group.batch.reports.push(...batch.reports);
          else groups.set(key, { batch: { foundBy: batch.foundBy, reports: [...batch.reports] }, region });
        }
        for (const { batch, region } of groups.values()) await this.ingest.execute(manager, batch, region);
      },
    );
  }

  private parse(event: EventEnvelope, subject: string): { batch: PositionBatch; region: string } {
    const region = subject.slice(subject.lastIndexOf('.') + 1);
    if (!parseRegionCode(region).ok) throw new PoisonMessageError(`${subject} does not end in a region code`);
    const parsed = parsePositionBatch(event.data, this.config.POSITION_BATCH_MAX);
    if (!parsed.ok) throw new PoisonMessageError(JSON.stringify({ code: parsed.code, errors: parsed.violations }));
    return { batch: parsed.batch, region };
  }
}
