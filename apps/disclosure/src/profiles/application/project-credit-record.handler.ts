import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { publicationWindow, publishedOnProfile } from '../domain/publication';
import { PublicRecordEntity } from '../infrastructure/public-record.entity';
import { PublicSubjectEntity } from '../infrastructure/public-subject.entity';
import { findPublicItem } from '../infrastructure/public-items';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { publicationContent } from '../../publication-log/domain/hash-chain';

/**
 * Projects `credit.records.created` into the public read model. Runs inside the consumer's
 * transaction with the inbox row, so a redelivery changes nothing.
 */
@Injectable()
export class ProjectCreditRecordHandler implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly log: PublicationLog,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      { stream: Events.CreditRecordCreated.stream, durable: 'disclosure-credit-records-created', filterSubject: Events.CreditRecordCreated.subject },
      (event, manager) => this.handle(event as EventEnvelope<CreditRecordCreatedV1>, manager),
    );
  }

  async handle(event: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    if (event.version !== Events.CreditRecordCreated.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
    const record = event.data;
    if (!publishedOnProfile(record)) return;
    const window = publicationWindow(record.decisionDate, record.severity, new Date(event.occurredAt));
    await manager.upsert(PublicSubjectEntity, { uscc: record.subject.id, name: record.subject.name, region: record.region, updatedAt: new Date() }, ['uscc']);
    await manager.upsert(
      PublicRecordEntity,
      {
        recordId: record.recordId,
        uscc: record.subject.id,
        recordType: record.recordType,
        documentNumber: record.documentNumber,
        decisionDate: record.decisionDate,
        severity: record.severity,
        summary: record.summary,
        publishedFrom: window.from,
        publishedUntil: window.until,
      },
      ['recordId'],
    );
    // A revocation handled before this event still wins: then the item was never public.
    await manager.query(
      `UPDATE public_records p SET withdrawn_at = w.withdrawn_at, withdrawn_reason = w.reason
         FROM record_withdrawals w WHERE w.record_id = p.record_id AND p.record_id = $1`,
      [record.recordId],
    );
    const item = await findPublicItem(manager, record.recordId);
    if (item && !item.withdrawnAt && item.publishedUntil > window.from) await this.log.append(manager, [publicationContent('published', item, window.from)]);
  }
}
