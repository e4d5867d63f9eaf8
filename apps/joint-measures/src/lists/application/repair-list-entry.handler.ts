import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { chinaDateOf } from '@domain/calendar';
import { PoisonMessageError } from '@platform/messaging';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { attributeWithdrawalToRepair, remove } from '../domain/list-entry';
import { listEntries } from '../infrastructure/list-entry.repository';
import { ListEntryLedger } from './list-entry-ledger';

/** A list-entry repair approved by the unit that listed it, as the repair service announced it. */
export interface RepairListEntryCommand {
  applicationId: string;
  entryId: string;
  subjectId: string;
  /** ISO 8601 timestamp. */
  decidedAt: string;
}

/**
 * A repaired list entry (`repair.list-entries.repaired`, issue 19 items 2 and 7; DOMAIN.md §5:
 * measures are lifted) is removed with reason `repair` on the decision's China date and announced
 * as `measures.list-entries.removed` in the consumer's transaction; disclosure then stops
 * publishing it. An entry no longer open (expired, dropped, removed already) stays as it is, but
 * for a partner's entry its sender withdrew first (the partner repaired it on an application
 * forwarded from here, ADR 0088): that removal is attributed to the repair, so its revocation
 * restores the entry.
 */
@Injectable()
export class RepairListEntryHandler {
  constructor(
    private readonly ledger: ListEntryLedger,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(repair: RepairListEntryCommand, manager: EntityManager): Promise<'removed' | 'attributed' | 'not-open'> {
    const entry = await listEntries.lock(manager, repair.entryId);
    if (!entry) throw new PoisonMessageError(`repair ${repair.applicationId} names unknown list entry ${repair.entryId}`);
    if (entry.subject.id !== repair.subjectId) {
      throw new PoisonMessageError(`repair ${repair.applicationId} names subject ${repair.subjectId}, but entry ${entry.id} is about ${entry.subject.id}`);
    }
    const detail = `credit repair ${repair.applicationId} (信用修复)`;
    if (entry.status !== 'effective' && entry.status !== 'proposed') {
      const attributed = attributeWithdrawalToRepair(entry, detail);
      if (!attributed) return 'not-open';
      await this.ledger.save(manager, attributed);
      return 'attributed';
    }
    this.cache.hold(entry.subject.id);
    const removedOn = chinaDateOf(new Date(repair.decidedAt));
    await this.ledger.save(manager, remove(entry, 'repair', removedOn, detail));
    return 'removed';
  }
}
