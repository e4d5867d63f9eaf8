import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordUpdatedV1, EventEnvelope, Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { factsOf } from '../../records/interface/record-facts';
import { IssueRepairNoticeHandler } from '../application/issue-repair-notice.handler';

/** The corrected fields (collection's `changes` keys) a notice is computed from. */
const NOTICE_FACTS = ['severity', 'decisionDate', 'payload'];

/**
 * A repair notice for each repairable record received (`credit.records.created`), and a new one when
 * a correction changes what the notice says (`credit.records.updated`, change `corrected`): the
 * severity and decision date set the earliest date, the violation type in the payload the mode.
 * Own durables, with an inbox: a redelivered event issues nothing twice.
 */
@Injectable()
export class RecordEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly notices: IssueRepairNoticeHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.CreditRecordCreated, 'repair-notices', { one: (event, manager) => this.created(event, manager) });
    this.consumers.consume(Events.CreditRecordUpdated, 'repair-notices-corrected', { one: (event, manager) => this.corrected(event, manager) });
  }

  async created({ data }: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    await this.notices.execute(manager, { ...factsOf(data), status: 'active', version: 1, changedAt: data.receivedAt, partner: data.partner ?? null });
  }

  /** Only a correction of what the notice is computed from; a corrected document number or name leaves it as it was. */
  async corrected({ data }: EventEnvelope<CreditRecordUpdatedV1>, manager: EntityManager): Promise<void> {
    if (data.change !== 'corrected' || !NOTICE_FACTS.some((field) => field in (data.changes ?? {}))) return;
    await this.notices.execute(manager, { ...factsOf(data), status: data.status, version: data.version, changedAt: data.changedAt, partner: null });
  }
}
