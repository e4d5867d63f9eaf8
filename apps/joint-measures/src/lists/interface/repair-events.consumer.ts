import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { RepairListEntryHandler } from '../application/repair-list-entry.handler';
import { RevokeListEntryRepairHandler } from '../application/revoke-list-entry-repair.handler';

/** Durable name; unusable list-entry repairs go to `deadletter.joint-measures-list-entry-repairs`. */
export const LIST_ENTRY_REPAIRS_DURABLE = 'joint-measures-list-entry-repairs';
/** Durable name of revoked list-entry repairs; dead letters go to `deadletter.joint-measures-list-entry-repair-revocations`. */
export const LIST_ENTRY_REPAIR_REVOCATIONS_DURABLE = 'joint-measures-list-entry-repair-revocations';

/** Registers the durable consumers of approved list-entry repairs (`repair.list-entries.repaired`) and revoked ones (`.repair-revoked`). */
@Injectable()
export class ListEntryRepairsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly repairs: RepairListEntryHandler,
    private readonly revocations: RevokeListEntryRepairHandler,
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
    this.consumers.consume(Events.RepairListEntryRepairRevoked, LIST_ENTRY_REPAIR_REVOCATIONS_DURABLE, {
      one: async ({ data }, manager) => {
        await this.revocations.execute({ applicationId: data.applicationId, entryId: data.entryId, subjectId: data.subject.id }, manager);
      },
    });
  }
}
