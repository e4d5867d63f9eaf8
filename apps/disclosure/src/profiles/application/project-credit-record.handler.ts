import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { EventConsumers } from '@platform/service';
import { publicationWindow, publishedOnProfile } from '../domain/publication';
import { PublicRecordEntity } from '../infrastructure/public-record.entity';
import { PublicSubjectEntity } from '../infrastructure/public-subject.entity';
import { findPublicItem, PublicItem } from '../infrastructure/public-items';
import { upsertPublicRecords, upsertPublicSubjects } from '../infrastructure/public-projection';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { publicationContent } from '../../publication-log/domain/hash-chain';

/**
 * Projects `credit.records.created` into the public read model. Runs inside the consumer's
 * transaction with the inbox row, so a redelivery changes nothing. Under a backlog the batch
 * handler applies a whole batch with one statement per table (ADR 0033); `handle` is the
 * reference it must match.
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
      (events, manager) => this.handleBatch(events as EventEnvelope<CreditRecordCreatedV1>[], manager),
    );
  }

  async handle(event: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    assertVersion(event);
    const record = event.data;
    if (!publishedOnProfile(record)) return;
    const window = publicationWindow(record.decisionDate, record.severity, new Date(event.occurredAt));
    await manager.upsert(PublicSubjectEntity, { uscc: record.subject.id, name: record.subject.name, region: record.region, updatedAt: new Date() }, ['uscc']);
    await manager.upsert(PublicRecordEntity, publicRecordRow(record, window), ['recordId']);
    // A revocation handled before this event still wins: then the item was never public.
    await manager.query(
      `UPDATE public_records p SET withdrawn_at = w.withdrawn_at, withdrawn_reason = w.reason
         FROM record_withdrawals w WHERE w.record_id = p.record_id AND p.record_id = $1`,
      [record.recordId],
    );
    const item = await findPublicItem(manager, record.recordId);
    if (item && nowPublished(item, window.from)) await this.log.append(manager, [publicationContent('published', item, window.from)]);
  }

  /**
   * The same as `handle` applied to each event in turn, in three writes: the subjects, the
   * records (withdrawals included) and the log entries of the items that became visible. A wrong
   * version throws, so the events fall back to `handle`, which dead-letters that one.
   */
  async handleBatch(events: readonly EventEnvelope<CreditRecordCreatedV1>[], manager: EntityManager): Promise<void> {
    events.forEach(assertVersion);
    const shown = events
      .filter((event) => publishedOnProfile(event.data))
      .map((event) => ({ record: event.data, window: publicationWindow(event.data.decisionDate, event.data.severity, new Date(event.occurredAt)) }));
    if (shown.length === 0) return;
    await upsertPublicSubjects(manager, shown.map(({ record }) => ({ uscc: record.subject.id, name: record.subject.name, region: record.region })));
    const items = await upsertPublicRecords(
      manager,
      shown.map(({ record, window }) => publicRecordRow(record, window)),
    );
    if (items.length !== shown.length) throw new Error(`projected ${items.length} items for ${shown.length} records`);
    const published = shown.flatMap(({ window }, i) => (nowPublished(items[i], window.from) ? [publicationContent('published', items[i], window.from)] : []));
    await this.log.append(manager, published);
  }
}

function assertVersion(event: EventEnvelope<CreditRecordCreatedV1>): void {
  if (event.version !== Events.CreditRecordCreated.version) throw new PoisonMessageError(`unsupported version ${event.version}`);
}

/** Whether projecting a record put its item in public view (not withdrawn, period not over). */
function nowPublished(item: PublicItem, from: Date): boolean {
  return !item.withdrawnAt && item.publishedUntil > from;
}

/** The public item a created record becomes (one for the single-event and the batch path). */
function publicRecordRow(record: CreditRecordCreatedV1, window: ReturnType<typeof publicationWindow>) {
  return {
    recordId: record.recordId,
    uscc: record.subject.id,
    recordType: record.recordType,
    documentNumber: record.documentNumber,
    decisionDate: record.decisionDate,
    severity: record.severity,
    summary: record.summary,
    publishedFrom: window.from,
    publishedUntil: window.until,
  };
}
