import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, EventEnvelope, Events } from '@contracts';
import { PoisonMessageError } from '@platform/messaging';
import { publicationWindow, publishedOnProfile } from '../domain/publication';
import { PublicItem } from '../infrastructure/public-items';
import { PublicRecordRow, upsertPublicRecords, upsertPublicSubjects } from '../infrastructure/public-projection';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { publicationContent } from '../../publication-log/domain/hash-chain';

/**
 * Projects `credit.records.created` into the public read model. Runs inside the consumer's
 * transaction with the inbox row, so a redelivery changes nothing. Under a backlog the batch
 * handler applies a whole batch with one statement per table (ADR 0033); `handle` is the
 * reference it must match.
 */
@Injectable()
export class ProjectCreditRecordHandler {
  constructor(private readonly log: PublicationLog) {}

  /** One event is a batch of one: the same three writes (ADR 0033). */
  handle(event: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    return this.handleBatch([event], manager);
  }

  /**
   * Projects the events in stream order in three writes: the subjects (a subject given twice keeps
   * its last name), the records (a withdrawal already kept still wins: then the item was never
   * public) and the log entries of the items that became visible. A wrong version throws: in a
   * batch the events then fall back to one at a time, and that one is dead-lettered.
   */
  async handleBatch(events: readonly EventEnvelope<CreditRecordCreatedV1>[], manager: EntityManager): Promise<void> {
    events.forEach(assertVersion);
    const shown = events
      .filter((event) => publishedOnProfile(event.data))
      .map((event) => ({
        record: event.data,
        window: publicationWindow(event.data.decisionDate, event.data.severity, new Date(event.occurredAt), event.data.publicityEndsOn),
      }));
    if (shown.length === 0) return;
    await upsertPublicSubjects(
      manager,
      shown.map(({ record }) => ({ uscc: record.subject.id, name: record.subject.name, region: record.region })),
    );
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
function publicRecordRow(record: CreditRecordCreatedV1, window: ReturnType<typeof publicationWindow>): PublicRecordRow {
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
    region: record.region,
    partnerRegion: record.partner?.region ?? null,
  };
}
