import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, RegistryEnterpriseChangedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { putRegistryCarriers, type RegistryCarrier } from '../infrastructure/registry-carriers.repository';

/**
 * The subject registry's enterprises (`credit.registry.enterprises.changed`, collection) → the
 * carriers an application may name, and whether their licences cover oversize transport. Consumed
 * rather than asked at submission, as evaluation and joint measures do: an application never waits
 * on collection. A batch is stored in one statement (ADR 0033).
 */
@Injectable()
export class RegistryEventsConsumer implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RegistryEnterpriseChanged, 'permits-registry-enterprises', {
      one: (event, manager) => this.enterprisesChanged([event], manager),
      many: (events, manager) => this.enterprisesChanged(events, manager),
    });
  }

  async enterprisesChanged(events: EventEnvelope<RegistryEnterpriseChangedV1>[], manager: EntityManager): Promise<void> {
    await putRegistryCarriers(manager, events.map(carrierOf));
  }
}

function carrierOf(event: EventEnvelope<RegistryEnterpriseChangedV1>): RegistryCarrier {
  const e = event.data;
  const carrier = {
    uscc: e?.uscc?.trim().toUpperCase() ?? '',
    name: e?.name ?? '',
    region: e?.region ?? '',
    sectors: [...new Set((e?.sectors ?? []).map((s) => s.trim()).filter(Boolean))].sort(),
    active: e?.active,
    revision: e?.revision,
    changedAt: e?.changedAt,
  };
  if (!carrier.uscc || !Number.isSafeInteger(carrier.revision) || typeof carrier.active !== 'boolean') {
    throw new PoisonMessageError(`registration in event ${event.id} needs its USCC, revision and active`);
  }
  return carrier;
}
