import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, isWithinRegion, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { withdrawPartnerEntry } from '../domain/list-entry';
import { ListEntryErrorCode } from '../domain/list-errors';
import { listEntries } from '../infrastructure/list-entry.repository';
import { ListEntryLedger } from './list-entry-ledger';
import { invalid, today, UUID, type ListWriteResult } from './list-writes';

/**
 * The partner that sent an entry withdraws it (issue 20 item 1: imports are withdrawable by their
 * sender). It is removed here with reason `partner-withdrawn` and, if it had been in force,
 * announced as removed, so disclosure stops publishing it and decisions stop applying it. Only
 * the sender (a client of the entry's partner region) may; anyone else reads it as absent.
 * Withdrawing again answers the withdrawn entry (`replayed`).
 */
@Injectable()
export class WithdrawPartnerEntryHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: ListEntryLedger,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(principal: Principal, command: { entryId: string; reason: string }): Promise<ListWriteResult> {
    assertScope(principal, Scopes.ExchangeWrite);
    if (!UUID.test(command.entryId)) invalid([{ field: 'entryId', message: 'must be a UUID' }]);
    const result = await this.dataSource.transaction(async (manager) => {
      const entry = await listEntries.lock(manager, command.entryId);
      if (!entry || entry.origin !== 'partner-import' || !entry.provenance || !isWithinRegion(principal, entry.provenance.partnerRegion))
        throw new DomainError(ListEntryErrorCode.NotFound, 'not-found', `No partner entry ${command.entryId} of this sender.`);
      this.cache.hold(entry.subject.id);
      const detail = `withdrawn by ${entry.provenance.partnerName}${command.reason ? `: ${command.reason}` : ''}`;
      const withdrawn = withdrawPartnerEntry(entry, today(), detail);
      if (!withdrawn) return { entry, replayed: true };
      return { entry: await this.ledger.saveWithdrawal(manager, entry, withdrawn), replayed: false };
    });
    if (!result.replayed) this.cache.invalidate(result.entry.subject.id);
    return result;
  }
}
