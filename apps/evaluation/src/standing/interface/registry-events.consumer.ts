import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ApplyRegistryEventHandler } from '../application/apply-registry-event.handler';

/**
 * The subject registry's enterprises and drivers (`credit.registry.enterprises|drivers.changed`,
 * collection) → each subject's registration and standings (ADR 0044); its vehicles and drivers'
 * employers → carriers' fleets (ADR 0053, per-vehicle indicators). One durable consumer per
 * subject (nats-server 2.9: one filter per consumer); batches applied set-based (ADR 0033).
 * Vessels are not graded by registry facts yet, so their events are not consumed here.
 */
@Injectable()
export class RegistryEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly registry: ApplyRegistryEventHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RegistryEnterpriseChanged, 'evaluation-registry-enterprises', {
      one: (event, manager) => this.registry.enterpriseChanged(event, manager),
      many: (events, manager) => this.registry.enterprisesChanged(events, manager),
    });
    this.consumers.consume(Events.RegistryDriverChanged, 'evaluation-registry-drivers', {
      one: (event, manager) => this.registry.driverChanged(event, manager),
      many: (events, manager) => this.registry.driversChanged(events, manager),
    });
    this.consumers.consume(Events.RegistryVehicleChanged, 'evaluation-registry-vehicles', {
      one: (event, manager) => this.registry.vehicleChanged(event, manager),
      many: (events, manager) => this.registry.vehiclesChanged(events, manager),
    });
  }
}
