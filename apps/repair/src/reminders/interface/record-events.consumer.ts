import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { IssueRepairNoticeHandler } from '../application/issue-repair-notice.handler';

/** New credit records (`credit.records.created`, own durable, with an inbox): a repair notice for each repairable one. */
@Injectable()
export class RecordEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly notices: IssueRepairNoticeHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.CreditRecordCreated, 'repair-notices', { one: (event, manager) => this.created(event, manager) });
  }

  async created({ data }: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    await this.notices.execute(manager, {
      recordId: data.recordId,
      recordType: data.recordType,
      subjectKind: data.subject.kind,
      subjectId: data.subject.id,
      subjectName: data.subject.name,
      region: data.region,
      severity: data.severity,
      decisionDate: data.decisionDate,
      documentNumber: data.documentNumber,
      publicityEndsOn: data.publicityEndsOn ?? null,
      payload: data.payload ?? {},
      status: 'active',
      version: 1,
      changedAt: data.receivedAt,
      partner: data.partner ?? null,
    });
  }
}
