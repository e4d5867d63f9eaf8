import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ApplyRecordEventHandler } from '../application/apply-record-event.handler';

/**
 * Collection's record events (`credit.records.created|revoked|expired|updated`) → the subject's
 * standing. One durable consumer per subject (Debian's nats-server 2.9 has no multi-filter
 * consumers); created, revoked and expired are also applied in batches (ADR 0033).
 */
@Injectable()
export class RecordEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly records: ApplyRecordEventHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.CreditRecordCreated, 'evaluation-credit-records-created', {
      one: (event, manager) => this.records.created(event, manager),
      many: (events, manager) => this.records.createdBatch(events, manager),
    });
    this.consumers.consume(Events.CreditRecordRevoked, 'evaluation-credit-records-revoked', {
      one: (event, manager) => this.records.revoked(event, manager),
      many: (events, manager) => this.records.revokedBatch(events, manager),
    });
    this.consumers.consume(Events.CreditRecordExpired, 'evaluation-credit-records-expired', {
      one: (event, manager) => this.records.expired(event, manager),
      many: (events, manager) => this.records.expiredBatch(events, manager),
    });
    this.consumers.consume(Events.CreditRecordUpdated, 'evaluation-credit-records-updated', {
      one: (event, manager) => this.records.updated(event, manager),
    });
  }
}
