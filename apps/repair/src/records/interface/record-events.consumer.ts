import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordExpiredV1, CreditRecordRevokedV1, CreditRecordUpdatedV1, EventEnvelope, Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ApplyRecordEventHandler } from '../application/apply-record-event.handler';
import { factsOf } from './record-facts';

/**
 * Collection's credit record events (durable consumers with an inbox: a redelivered event changes
 * nothing), applied to repair's copy of the records. A repair comes back as
 * `credit.records.updated` with status `repaired`.
 */
@Injectable()
export class RecordEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly records: ApplyRecordEventHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.CreditRecordCreated, 'repair-records-created', { one: (event, manager) => this.created(event, manager) });
    this.consumers.consume(Events.CreditRecordUpdated, 'repair-records-updated', { one: (event, manager) => this.updated(event, manager) });
    this.consumers.consume(Events.CreditRecordRevoked, 'repair-records-revoked', { one: (event, manager) => this.revoked(event, manager) });
    this.consumers.consume(Events.CreditRecordExpired, 'repair-records-expired', { one: (event, manager) => this.expired(event, manager) });
  }

  created({ data }: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    return this.records.stored(manager, { ...factsOf(data), status: 'active', version: 1, changedAt: data.receivedAt, partner: data.partner ?? null });
  }

  updated({ data }: EventEnvelope<CreditRecordUpdatedV1>, manager: EntityManager): Promise<void> {
    // No provenance on updates: the repository keeps what `created` brought.
    return this.records.stored(manager, { ...factsOf(data), status: data.status, version: data.version, changedAt: data.changedAt, partner: null });
  }

  revoked({ data }: EventEnvelope<CreditRecordRevokedV1>, manager: EntityManager): Promise<void> {
    return this.records.ended(manager, data.recordId, 'revoked', data.version, data.revokedAt);
  }

  expired({ data }: EventEnvelope<CreditRecordExpiredV1>, manager: EntityManager): Promise<void> {
    return this.records.ended(manager, data.recordId, 'expired', data.version, data.expiredAt);
  }
}
