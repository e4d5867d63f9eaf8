import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { RecordPermitLicenceHandler } from '../application/record-permit-licence.handler';

/** Durable name; dead letters go to `deadletter.collection-permit-licences`. */
export const PERMIT_LICENCES_DURABLE = 'collection-permit-licences';

/** `permits.permit.issued` → an `administrative-licence` record (双公示), idempotent on the permit number. */
@Injectable()
export class PermitEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly handler: RecordPermitLicenceHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.PermitIssued, PERMIT_LICENCES_DURABLE, {
      one: async (event, manager) => {
        await this.handler.execute(manager, event.data);
      },
    });
  }
}
