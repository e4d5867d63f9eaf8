import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditRecordCreatedV1, CreditRecordExpiredV1, CreditRecordRevokedV1, CreditRecordUpdatedV1, EventDefinition, EventEnvelope, Events } from '@contracts';
import { chinaDateOf } from '@domain/calendar';
import { PoisonMessageError } from '@platform/messaging';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { EventConsumers } from '@platform/service';
import { subjectFacts, type RecordFacts } from '../infrastructure/subject-facts.repository';
import { EntryRuleEngine } from './entry-rule-engine';

/**
 * Keeps joint measures' copy of the credit records (durable consumers with an inbox: a redelivered
 * event changes nothing) and runs the entry rules on each change. Repairs arrive as
 * `credit.records.updated` with status `repaired` (collection is the source of a record's status;
 * `repair.records.repaired` is not consumed, it would only duplicate that). Each handler first
 * holds the subject in this replica's decision cache (ADR 0025): from the commit on, decisions
 * here read the changed facts.
 */
@Injectable()
export class RecordEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly engine: EntryRuleEngine,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  onModuleInit(): void {
    this.listen(
      Events.CreditRecordCreated,
      'joint-measures-records-created',
      (e, m) => this.created(e, m),
      (es, m) => this.createdBatch(es, m),
    );
    this.listen(Events.CreditRecordUpdated, 'joint-measures-records-updated', (e, m) => this.updated(e, m));
    this.listen(Events.CreditRecordRevoked, 'joint-measures-records-revoked', (e, m) => this.revoked(e, m));
    this.listen(Events.CreditRecordExpired, 'joint-measures-records-expired', (e, m) => this.expired(e, m));
  }

  async created(event: EventEnvelope<CreditRecordCreatedV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    this.cache.hold(r.subject.id);
    await subjectFacts.putRecord(manager, factsOf(r));
    const stored = await subjectFacts.record(manager, r.recordId);
    if (stored?.standing) await this.engine.onRecordStanding(manager, stored, today());
  }

  /**
   * `created` for a batch (ADR 0033): every subject held, every record stored (and read back) in
   * one statement, then the entry rules replayed in memory over the batch in stream order, which
   * reads the triggered subjects' records and open entries once and writes only the proposals.
   * The same record created twice in a batch is left to `created`, event by event.
   */
  async createdBatch(events: EventEnvelope<CreditRecordCreatedV1>[], manager: EntityManager): Promise<void> {
    const records = events.map((e) => factsOf(e.data));
    if (new Set(records.map((r) => r.recordId)).size !== records.length) throw new Error('a record is created twice in the batch: applied event by event');
    for (const subjectId of new Set(records.map((r) => r.subjectId))) this.cache.hold(subjectId);
    const changes = await subjectFacts.putRecords(manager, records);
    await this.engine.onRecordsStored(manager, changes, today());
  }

  /**
   * A repair (status `repaired`, decided in the repair service and applied by collection) ends the
   * record like a revocation: it stops counting and the entries resting on it are re-checked, the
   * removal reason being `repair` (DOMAIN.md §5: measures are lifted). Otherwise a correction may
   * change the severity or decision date a rule counts; the payload stays as created.
   */
  async updated(event: EventEnvelope<CreditRecordUpdatedV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    this.cache.hold(r.subject.id);
    if (r.status === 'repaired') {
      await subjectFacts.endRecord(manager, r.recordId, 'repaired', r.subject, r.recordType);
      await this.engine.onRecordEnded(manager, r.recordId, 'repair', today());
      return;
    }
    const known = await subjectFacts.record(manager, r.recordId);
    if (!known || !known.standing) return;
    const facts = { ...known, severity: r.severity, decisionDate: r.decisionDate, subjectName: r.subject.name, region: r.region };
    await subjectFacts.putRecord(manager, facts);
    await this.engine.onRecordStanding(manager, facts, today());
  }

  async revoked(event: EventEnvelope<CreditRecordRevokedV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    this.cache.hold(r.subject.id);
    await subjectFacts.endRecord(manager, r.recordId, 'revoked', r.subject, r.recordType);
    await this.engine.onRecordEnded(manager, r.recordId, 'basis-revoked', today());
  }

  async expired(event: EventEnvelope<CreditRecordExpiredV1>, manager: EntityManager): Promise<void> {
    const r = event.data;
    this.cache.hold(r.subject.id);
    await subjectFacts.endRecord(manager, r.recordId, 'expired', r.subject, r.recordType);
    await this.engine.onRecordEnded(manager, r.recordId, 'basis-expired', today());
  }

  /** Registers the handler (and the batch handler, if any) behind the event version check. */
  private listen<T>(
    definition: EventDefinition<T>,
    durable: string,
    handle: (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>,
    handleBatch?: (events: EventEnvelope<T>[], manager: EntityManager) => Promise<void>,
  ): void {
    const unsupported = (event: EventEnvelope) => new PoisonMessageError(`unsupported version ${event.version} of ${definition.subject}`);
    this.consumers.register(
      { stream: definition.stream, durable, filterSubject: definition.subject },
      (event, manager) => {
        if (event.version !== definition.version) throw unsupported(event);
        return handle(event as EventEnvelope<T>, manager);
      },
      // A wrong version fails the batch: applied one by one, the single handler dead-letters that event.
      handleBatch &&
        ((events, manager) => {
          const wrong = events.find((event) => event.version !== definition.version);
          if (wrong) throw unsupported(wrong);
          return handleBatch(events as EventEnvelope<T>[], manager);
        }),
    );
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

function today(): string {
  return chinaDateOf(new Date());
}
