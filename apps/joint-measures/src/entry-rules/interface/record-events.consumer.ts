import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordExpiredV1, CreditRecordRevokedV1, CreditRecordUpdatedV1, EventEnvelope, Events } from '@contracts';
import { EventConsumers } from '@platform/service';
import type { RecordFacts } from '../domain/record-facts';
import { ApplyRecordFactsHandler } from '../application/apply-record-facts.handler';

/**
 * Collection's credit record events (durable consumers with an inbox: a redelivered event changes
 * nothing), applied to joint measures' copy of the records. Repairs arrive as
 * `credit.records.updated` with status `repaired` (collection is the source of a record's status;
 * `repair.records.repaired` is not consumed, it would only duplicate that).
 */
@Injectable()
export class RecordEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly records: ApplyRecordFactsHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(Events.CreditRecordCreated, 'joint-measures-records-created', {
      one: (event, manager) => this.created(event, manager),
      many: (events, manager) => this.createdBatch(events, manager),
    });
    this.consumers.consume(Events.CreditRecordUpdated, 'joint-measures-records-updated', { one: (event, manager) => this.updated(event, manager) });
    this.consumers.consume(Events.CreditRecordRevoked, 'joint-measures-records-revoked', { one: (event, manager) => this.revoked(event, manager) });
    this.consumers.consume(Events.CreditRecordExpired, 'joint-measures-records-expired', { one: (event, manager) => this.expired(event, manager) });
  }

  created(event: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    return this.records.stored(manager, factsOf(event.data));
  }

  /** A batch of creations (ADR 0033); a wrong version or the same record twice fails it, and the events are then applied one by one. */
  createdBatch(events: EventEnvelope<CreditRecordCreatedV1>[], manager: EntityManager): Promise<void> {
    return this.records.storedBatch(
      manager,
      events.map((e) => factsOf(e.data)),
    );
  }

  /**
   * A repair (status `repaired`) ends the record like a revocation; a revoked repair
   * (`repair-revoked`) makes it count again; any other update is a correction.
   */
  updated(event: EventEnvelope<CreditRecordUpdatedV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    if (r.status === 'repaired') return this.records.ended(manager, { recordId: r.recordId, recordType: r.recordType, subject: r.subject, reason: 'repaired' });
    if (r.change === 'repair-revoked') return this.records.restored(manager, r.recordId, r.subject.id);
    return this.records.corrected(manager, {
      recordId: r.recordId,
      subjectId: r.subject.id,
      subjectName: r.subject.name,
      region: r.region,
      severity: r.severity,
      decisionDate: r.decisionDate,
    });
  }

  revoked(event: EventEnvelope<CreditRecordRevokedV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    return this.records.ended(manager, { recordId: r.recordId, recordType: r.recordType, subject: r.subject, reason: 'revoked' });
  }

  expired(event: EventEnvelope<CreditRecordExpiredV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    return this.records.ended(manager, { recordId: r.recordId, recordType: r.recordType, subject: r.subject, reason: 'expired' });
  }
}

function factsOf(r: CreditRecordCreatedV1): RecordFacts {
  return {
    recordId: r.recordId,
    recordType: r.recordType,
    subjectKind: r.subject.kind,
    subjectId: r.subject.id,
    subjectName: r.subject.name,
    region: r.region,
    severity: r.severity,
    decisionDate: r.decisionDate,
    payload: r.payload ?? {},
    standing: true,
  };
}
