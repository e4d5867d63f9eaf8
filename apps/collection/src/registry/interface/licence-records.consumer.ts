import { Injectable, OnModuleInit } from '@nestjs/common';
import { CreditRecordCreatedV1, Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ApplyLicenceRecordHandler, LicenceRecordFacts } from '../application/apply-licence-record.handler';

/** Durable name; dead letters go to `deadletter.collection-registry-licences`. */
export const REGISTRY_LICENCES_DURABLE = 'collection-registry-licences';

/**
 * The registry's hook on licence records: a durable consumer of `credit.records.created` of its
 * own, rather than a call in the records write path, so record intake (single, group commit,
 * batches, feeds) stays as fast as it was and a registry failure never refuses a record. The
 * registry is eventually consistent with the records (milliseconds behind).
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
        await this.handler.execute(manager, factsOf(event.data));
      },
      // A batch of records (bulk ingestion) is mostly not licences: one transaction for the lot.
      many: async (events, manager) => {
        for (const event of events) await this.handler.execute(manager, factsOf(event.data));
      },
    });
  }
}

/** Events published before records carried their payload have none: such a licence names no sectors. */
export function factsOf(data: CreditRecordCreatedV1): LicenceRecordFacts {
  return { ...data, payload: data.payload ?? {} };
}
