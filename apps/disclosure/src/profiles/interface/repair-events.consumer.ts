import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ProjectRepairNoticeHandler } from '../application/project-repair-notice.handler';

/** The repair service's notices (`repair.notices.issued`) → when and how each published record can be repaired. */
@Injectable()
export class RepairEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly projectRepairNotice: ProjectRepairNoticeHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RepairNoticeIssued, 'disclosure-repair-notices', {
      one: (event, manager) => this.projectRepairNotice.handle(event, manager),
    });
  }
}
