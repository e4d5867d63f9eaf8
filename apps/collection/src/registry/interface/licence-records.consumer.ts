import { Injectable, OnModuleInit } from '@nestjs/common';
import { CreditRecordCreatedV1, CreditRecordUpdatedV1, Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ApplyLicenceRecordHandler, LicenceRecordFacts } from '../application/apply-licence-record.handler';

/** Durable names (one filter subject each); dead letters go to `deadletter.<durable>`. */
export const REGISTRY_LICENCES_DURABLE = 'collection-registry-licences';
export const REGISTRY_LICENCE_CORRECTIONS_DURABLE = 'collection-registry-licence-corrections';
export const REGISTRY_LICENCE_REVOCATIONS_DURABLE = 'collection-registry-licence-revocations';

/**
 * The registry's hook on licence records: durable consumers of collection's own record events,
 * rather than a call in the records write path, so record intake (single, group commit, batches,
 * feeds) stays as fast as it was and a registry failure never refuses a record. The registry is
 * eventually consistent with the records (milliseconds behind).
 */
@Injectable()
export class LicenceRecordsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly handler: ApplyLicenceRecordHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.CreditRecordCreated, REGISTRY_LICENCES_DURABLE, {
      one: async (event, manager) => {
        await this.handler.recorded(manager, factsOf(event.data));
      },
      // A batch of records (bulk ingestion) is mostly not licences: one transaction for the lot.
      many: async (events, manager) => {
        for (const event of events) await this.handler.recorded(manager, factsOf(event.data));
      },
    });
    this.consumers.consume(Events.CreditRecordUpdated, REGISTRY_LICENCE_CORRECTIONS_DURABLE, {
      one: async (event, manager) => {
        if (isCorrection(event.data)) await this.handler.recorded(manager, factsOf(event.data));
      },
    });
    this.consumers.consume(Events.CreditRecordRevoked, REGISTRY_LICENCE_REVOCATIONS_DURABLE, {
      one: async (event, manager) => {
        await this.handler.revoked(manager, event.data);
      },
    });
  }
}

/** Only a correction changes what a record says; objections and repairs change its status. */
export function isCorrection(data: CreditRecordUpdatedV1): boolean {
  return data.change === 'corrected';
}

/** Events published before records carried their payload have none: such a licence names no sectors. */
export function factsOf(data: CreditRecordCreatedV1 | CreditRecordUpdatedV1): LicenceRecordFacts {
  return { ...data, payload: data.payload ?? {} };
}
