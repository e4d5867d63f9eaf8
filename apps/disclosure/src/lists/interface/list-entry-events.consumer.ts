import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ProjectListEntryHandler } from '../application/project-list-entry.handler';

/** Joint measures' `measures.list-entries.effective|removed` → the published lists (one durable consumer per subject). */
@Injectable()
export class ListEntryEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly projectListEntry: ProjectListEntryHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.ListEntryEffective, 'disclosure-list-entries-effective', {
      one: (event, manager) => this.projectListEntry.effective(event, manager),
    });
    this.consumers.consume(Events.ListEntryRemoved, 'disclosure-list-entries-removed', {
      one: (event, manager) => this.projectListEntry.removed(event, manager),
    });
  }
}
