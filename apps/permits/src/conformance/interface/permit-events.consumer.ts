import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ActivePermits } from '../application/active-permits';

/** Durable names (one filter subject each); dead letters go to `deadletter.<durable>`. */
export const CONFORMANCE_ISSUED_DURABLE = 'permits-conformance-issued';
export const CONFORMANCE_REVOKED_DURABLE = 'permits-conformance-revoked';

/**
 * Route conformance keeps the permits in force from permits' own events (PERMITS stream), not by
 * reading the applications feature's tables: the features stay apart, and the inbox makes a
 * redelivered event change nothing.
 */
@Injectable()
export class PermitEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly permits: ActivePermits,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.PermitIssued, CONFORMANCE_ISSUED_DURABLE, {
      one: (event, manager) => this.permits.issued(manager, event.data),
    });
    this.consumers.consume(Events.PermitRevoked, CONFORMANCE_REVOKED_DURABLE, {
      one: (event, manager) => this.permits.revoked(manager, event.data),
    });
  }
}
