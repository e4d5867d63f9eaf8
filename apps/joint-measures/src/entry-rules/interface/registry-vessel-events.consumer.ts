import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, RegistryVesselChangedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { subjectFacts, type RegistryVessel } from '../infrastructure/subject-facts.repository';

/**
 * The subject registry's vessels (`credit.registry.vessels.changed`, collection) → the candidates of
 * screening runs (ADR 0052): a registered ship is screened even before any record about it. Durable
 * consumer with an inbox; a batch is stored in one statement (ADR 0033). Nothing is evaluated on
 * arrival: screening rules run when their owner asks.
 */
@Injectable()
export class RegistryVesselEventsConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RegistryVesselChanged, 'joint-measures-registry-vessels', {
      one: (event, manager) => this.changed([event], manager),
      many: (events, manager) => this.changed(events, manager),
    });
  }

  changed(events: EventEnvelope<RegistryVesselChangedV1>[], manager: EntityManager): Promise<void> {
    return subjectFacts.putRegistryVessels(manager, events.map(vesselOf));
  }
}

function vesselOf(event: EventEnvelope<RegistryVesselChangedV1>): RegistryVessel {
  const v = event.data;
  if (!v?.vesselId?.trim() || !v.name?.trim() || !Number.isSafeInteger(v.revision) || typeof v.active !== 'boolean') {
    throw new PoisonMessageError(`vessel in event ${event.id} needs vesselId, name, revision and active`);
  }
  return {
    vesselId: v.vesselId.trim().toUpperCase(),
    name: v.name.trim(),
    region: v.region ?? '',
    active: v.active,
    revision: v.revision,
    changedAt: v.changedAt,
  };
}
