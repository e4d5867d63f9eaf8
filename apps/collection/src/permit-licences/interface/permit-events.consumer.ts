import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { RecordPermitLicenceHandler } from '../application/record-permit-licence.handler';
import { WithdrawPermitLicenceHandler } from '../application/withdraw-permit-licence.handler';

/** Durable name; dead letters go to `deadletter.collection-permit-licences`. */
export const PERMIT_LICENCES_DURABLE = 'collection-permit-licences';
/** Durable name of the revocations; dead letters go to `deadletter.collection-permit-licence-revocations`. */
export const PERMIT_LICENCE_REVOCATIONS_DURABLE = 'collection-permit-licence-revocations';

/**
 * `permits.permit.issued` → an `administrative-licence` record (双公示), idempotent on the permit number;
 * `permits.permit.revoked` → that record's `revoked` version (retried until the record exists).
 */
@Injectable()
export class PermitEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly handler: RecordPermitLicenceHandler,
    private readonly withdraw: WithdrawPermitLicenceHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.PermitIssued, PERMIT_LICENCES_DURABLE, {
      one: async (event, manager) => {
        await this.handler.execute(manager, event.data);
      },
    });
    this.consumers.consume(Events.PermitRevoked, PERMIT_LICENCE_REVOCATIONS_DURABLE, {
      one: async (event, manager) => {
        await this.withdraw.execute(manager, event.data);
      },
    });
  }
}
