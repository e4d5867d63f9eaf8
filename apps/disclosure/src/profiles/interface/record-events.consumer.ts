import { Injectable, OnModuleInit } from '@nestjs/common';
import { Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import { ApplyCorrectionHandler } from '../application/apply-correction.handler';
import { ProjectCreditRecordHandler } from '../application/project-credit-record.handler';
import { WithdrawRevokedRecordHandler } from '../application/withdraw-revoked-record.handler';

/**
 * Collection's record events (`credit.records.created|revoked|updated`) → the public profiles.
 * One durable consumer per subject (Debian's nats-server 2.9 has no multi-filter consumers);
 * created and revoked are also applied in batches (ADR 0033).
 */
@Injectable()
export class RecordEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly projectCreditRecord: ProjectCreditRecordHandler,
    private readonly withdrawRevokedRecord: WithdrawRevokedRecordHandler,
    private readonly applyCorrection: ApplyCorrectionHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.CreditRecordCreated, 'disclosure-credit-records-created', {
      one: (event, manager) => this.projectCreditRecord.handle(event, manager),
      many: (events, manager) => this.projectCreditRecord.handleBatch(events, manager),
    });
    this.consumers.consume(Events.CreditRecordRevoked, 'disclosure-credit-records-revoked', {
      one: (event, manager) => this.withdrawRevokedRecord.handle(event, manager),
      many: (events, manager) => this.withdrawRevokedRecord.handleBatch(events, manager),
    });
    this.consumers.consume(Events.CreditRecordUpdated, 'disclosure-credit-records-updated', {
      one: (event, manager) => this.applyCorrection.handle(event, manager),
    });
  }
}
