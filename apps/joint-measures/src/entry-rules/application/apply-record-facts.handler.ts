import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { subjectFacts } from '../infrastructure/subject-facts.repository';
import type { CorrectRecordCommand, EndRecordCommand, StoreRecordCommand } from './apply-record-facts.command';
import { EntryRuleEngine } from './entry-rule-engine';

/** How an ended record is named on the entries removed because of it. */
const REMOVAL_REASON = { revoked: 'basis-revoked', expired: 'basis-expired', repaired: 'repair' } as const;

/**
 * Keeps joint measures' copy of the credit records and runs the entry rules on each change, in
 * the consumer's transaction. Each use first holds the subject in this replica's decision cache
 * (ADR 0025): from the commit on, decisions here read the changed facts.
 */
@Injectable()
export class ApplyRecordFactsHandler {
  constructor(
    private readonly engine: EntryRuleEngine,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  /** A record was collected: stored, and the rules it triggers run if it counts. */
  async stored(manager: EntityManager, record: StoreRecordCommand): Promise<void> {
    this.cache.hold(record.subjectId);
    await subjectFacts.putRecord(manager, record);
    const stored = await subjectFacts.record(manager, record.recordId);
    if (stored?.standing) await this.engine.onRecordStanding(manager, stored, today());
  }

  /**
   * `stored` for a batch (ADR 0033): every subject held, every record stored (and read back) in
   * one statement, then the entry rules replayed in memory over the batch in stream order, which
   * reads the triggered subjects' records and open entries once and writes only the proposals.
   * The same record twice in a batch is refused: the consumer then applies the events one by one.
   */
  async storedBatch(manager: EntityManager, records: readonly StoreRecordCommand[]): Promise<void> {
    if (new Set(records.map((r) => r.recordId)).size !== records.length) throw new Error('a record is created twice in the batch: applied event by event');
    for (const subjectId of new Set(records.map((r) => r.subjectId))) this.cache.hold(subjectId);
    const changes = await subjectFacts.putRecords(manager, records);
    await this.engine.onRecordsStored(manager, changes, today());
  }

  /** A correction may change the severity or decision date a rule counts; a record not (or no longer) counting is left as it is. */
  async corrected(manager: EntityManager, correction: CorrectRecordCommand): Promise<void> {
    this.cache.hold(correction.subjectId);
    const known = await subjectFacts.record(manager, correction.recordId);
    if (!known || !known.standing) return;
    const facts = {
      ...known,
      severity: correction.severity,
      decisionDate: correction.decisionDate,
      subjectName: correction.subjectName,
      region: correction.region,
    };
    await subjectFacts.putRecord(manager, facts);
    await this.engine.onRecordStanding(manager, facts, today());
  }

  /** The record stops counting; the entries resting on it are re-checked (DOMAIN.md §5: a repair lifts measures). */
  async ended(manager: EntityManager, ending: EndRecordCommand): Promise<void> {
    this.cache.hold(ending.subject.id);
    await subjectFacts.endRecord(manager, ending.recordId, ending.reason, ending.subject, ending.recordType);
    await this.engine.onRecordEnded(manager, ending.recordId, REMOVAL_REASON[ending.reason], today());
  }

  /**
   * A repair was revoked (false commitment, issue 19 item 8): the record counts again and the
   * rules it triggers run, so the list entries the repair lifted are proposed again.
   */
  async restored(manager: EntityManager, recordId: string, subjectId: string): Promise<void> {
    this.cache.hold(subjectId);
    if (!(await subjectFacts.restoreRecord(manager, recordId, 'repaired'))) return;
    const facts = await subjectFacts.record(manager, recordId);
    if (facts) await this.engine.onRecordStanding(manager, facts, today());
  }
}

function today(): string {
  return chinaDateOf(new Date());
}
