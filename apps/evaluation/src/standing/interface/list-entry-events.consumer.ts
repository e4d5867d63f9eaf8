import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ApplyListEntryEventHandler } from '../application/apply-list-entry-event.handler';

/**
 * Joint measures' list entries (`measures.list-entries.effective|removed`) → the subject's lists
 * and standings. One durable consumer per subject (nats-server 2.9: one filter per consumer).
 */
@Injectable()
export class ListEntryEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly lists: ApplyListEntryEventHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.ListEntryEffective, 'evaluation-list-entries-effective', {
      one: (event, manager) => this.lists.effective(event, manager),
    });
    this.consumers.consume(Events.ListEntryRemoved, 'evaluation-list-entries-removed', {
      one: (event, manager) => this.lists.removed(event, manager),
    });
  }
}
