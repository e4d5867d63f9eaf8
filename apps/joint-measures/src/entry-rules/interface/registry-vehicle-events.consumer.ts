import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, RegistryVehicleChangedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { ApplyRegistryVehiclesHandler } from '../application/apply-registry-vehicles.handler';
import type { RegistryVehicle } from '../infrastructure/subject-facts.repository';

/**
 * The subject registry's vehicles (`credit.registry.vehicles.changed`, collection) → carriers'
 * fleets for the fleet-share rule (ADR 0044). Durable consumer with an inbox; a batch is stored
 * in one statement (ADR 0033), and the single event is a batch of one.
 */
@Injectable()
export class RegistryVehicleEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly vehicles: ApplyRegistryVehiclesHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RegistryVehicleChanged, 'joint-measures-registry-vehicles', {
      one: (event, manager) => this.changed([event], manager),
      many: (events, manager) => this.changed(events, manager),
    });
  }

  async changed(events: EventEnvelope<RegistryVehicleChangedV1>[], manager: EntityManager): Promise<void> {
    await this.vehicles.changed(manager, events.map(vehicleOf));
  }
}

/**
 * The vehicle as stored. `previousCarrierUscc` is not needed: the table holds each vehicle's
 * carrier, so a move is seen by comparing it with the stored one (robust to lost or reordered events).
 */
function vehicleOf(event: EventEnvelope<RegistryVehicleChangedV1>): RegistryVehicle {
  const v = event.data;
  if (!v?.plate?.trim() || !v.plateColour?.trim() || !Number.isSafeInteger(v.revision) || typeof v.active !== 'boolean') {
    throw new PoisonMessageError(`vehicle in event ${event.id} needs plate, plateColour, revision and active`);
  }
  return {
    plate: v.plate.trim().toUpperCase(),
    plateColour: v.plateColour.trim().toLowerCase(),
    carrierUscc: v.carrierUscc?.trim().toUpperCase() || null,
    vehicleType: v.vehicleType?.trim().toLowerCase() || 'unknown',
    region: v.region ?? '',
    active: v.active,
    revision: v.revision,
    changedAt: v.changedAt,
  };
}
