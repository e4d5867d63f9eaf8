import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEnvelope, Events, RepairRecordRepairedV1 } from '@contracts';
import { EventConsumers } from '@platform/service';
import type { ApplyRepairCommand } from '../application/apply-repair.command';
import { ApplyRepairHandler } from '../application/apply-repair.handler';

/** Durable name; unusable repair events go to `deadletter.collection-repairs`. */
export const REPAIRS_DURABLE = 'collection-repairs';

/** Registers the durable consumer of approved repairs (`repair.records.repaired`). */
@Injectable()
export class RepairEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly repairs: ApplyRepairHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.RepairRecordRepaired, REPAIRS_DURABLE, {
      one: async (event, manager) => {
        await this.repairs.execute(toApplyRepairCommand(event), manager);
      },
    });
  }
}

function toApplyRepairCommand({ data }: EventEnvelope<RepairRecordRepairedV1>): ApplyRepairCommand {
  return {
    applicationId: data.applicationId,
    recordId: data.recordId,
    subjectId: data.subject.id,
    path: data.path,
    decidedBy: data.decidedBy,
    decidedAt: data.decidedAt,
    reason: data.reason,
  };
}
