import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { RepairListEntryHandler } from '../application/repair-list-entry.handler';

/** Durable name; unusable list-entry repairs go to `deadletter.joint-measures-list-entry-repairs`. */
export const LIST_ENTRY_REPAIRS_DURABLE = 'joint-measures-list-entry-repairs';

/** Registers the durable consumer of approved list-entry repairs (`repair.list-entries.repaired`). */
@Injectable()
export class ListEntryRepairsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly repairs: RepairListEntryHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RepairListEntryRepaired, LIST_ENTRY_REPAIRS_DURABLE, {
      one: async ({ data }, manager) => {
        await this.repairs.execute(
          { applicationId: data.applicationId, entryId: data.entryId, subjectId: data.subject.id, decidedAt: data.decidedAt },
          manager,
        );
      },
    });
  }
}
