import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEnvelope, Events, RepairRecordRepairedV1 } from '@contracts';
import { EventConsumers } from '@platform/service';
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
    this.consumers.register(
      { stream: Events.RepairRecordRepaired.stream, durable: REPAIRS_DURABLE, filterSubject: Events.RepairRecordRepaired.subject },
      async (event, manager) => {
        await this.repairs.execute(event as EventEnvelope<RepairRecordRepairedV1>, manager);
      },
    );
  }
}
