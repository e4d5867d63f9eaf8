import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, Events, RegistryDriverChangedV1, RegistryEnterpriseChangedV1 } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { putRegistrySubjects, type RegistrySubject } from '../infrastructure/registry-subjects.repository';

/**
 * The subject registry's enterprises and drivers (`credit.registry.enterprises|drivers.changed`,
 * collection) → the sectors decisions pick their mappings by (ADR 0055). Durable consumers with an
 * inbox; a batch is stored in one statement (ADR 0033), the single event is a batch of one.
 */
@Injectable()
export class RegistrySubjectEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RegistryEnterpriseChanged, 'joint-measures-registry-enterprises', {
      one: (event, manager) => this.enterprisesChanged([event], manager),
      many: (events, manager) => this.enterprisesChanged(events, manager),
    });
    this.consumers.consume(Events.RegistryDriverChanged, 'joint-measures-registry-drivers', {
      one: (event, manager) => this.driversChanged([event], manager),
      many: (events, manager) => this.driversChanged(events, manager),
    });
  }

  async enterprisesChanged(events: EventEnvelope<RegistryEnterpriseChangedV1>[], manager: EntityManager): Promise<void> {
    await this.store(manager, events.map(enterpriseOf));
  }

  async driversChanged(events: EventEnvelope<RegistryDriverChangedV1>[], manager: EntityManager): Promise<void> {
    await this.store(manager, events.map(driverOf));
  }

  private async store(manager: EntityManager, subjects: RegistrySubject[]): Promise<void> {
    // Read from the database only on this replica until the commit's notification arrives (ADR 0025).
    for (const s of subjects) this.cache.hold(s.subjectId);
    await putRegistrySubjects(manager, subjects);
  }
}

function checked(eventId: string, subject: RegistrySubject): RegistrySubject {
  if (!subject.subjectId || !Number.isSafeInteger(subject.revision) || typeof subject.active !== 'boolean' || !Array.isArray(subject.sectors)) {
    throw new PoisonMessageError(`registration in event ${eventId} needs its subject id, sectors, revision and active`);
  }
  return subject;
}

const sectorsOf = (sectors: readonly string[] | undefined) => [...new Set((sectors ?? []).map((s) => s.trim()).filter(Boolean))].sort();

function enterpriseOf(event: EventEnvelope<RegistryEnterpriseChangedV1>): RegistrySubject {
  const e = event.data;
  return checked(event.id, {
    subjectId: e?.uscc?.trim().toUpperCase() ?? '',
    kind: 'org',
    sectors: sectorsOf(e?.sectors),
    active: e?.active,
    revision: e?.revision,
    changedAt: e?.changedAt,
  });
}

function driverOf(event: EventEnvelope<RegistryDriverChangedV1>): RegistrySubject {
  const d = event.data;
  return checked(event.id, {
    subjectId: d?.citizenId?.trim().toUpperCase() ?? '',
    kind: 'person',
    sectors: sectorsOf(d?.qualificationSectors),
    active: d?.active,
    revision: d?.revision,
    changedAt: d?.changedAt,
  });
}
