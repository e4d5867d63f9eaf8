import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertRegionScope, assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { decide } from '../domain/list-entry';
import { ListEntryErrorCode } from '../domain/list-errors';
import { listEntries } from '../infrastructure/list-entry.repository';
import type { DecideListEntryCommand, DecideListEntryResult } from './decide-list-entry.command';
import { ListEntryLedger } from './list-entry-ledger';
import { invalid, today, UUID, writeListEntryOnce } from './list-writes';

/** The deciding unit confirms a proposed entry after its notice period (it takes effect) or drops it. */
@Injectable()
export class DecideListEntryHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: ListEntryLedger,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(principal: Principal, command: DecideListEntryCommand): Promise<DecideListEntryResult> {
    assertScope(principal, Scopes.RecordsWrite);
    if (command.outcome !== 'confirm' && command.outcome !== 'drop') invalid([{ field: 'outcome', message: 'must be confirm or drop' }]);
    if (command.outcome === 'confirm' && !command.documentNumber.trim())
      invalid([{ field: 'documentNumber', message: 'a confirmation needs the decision document number' }]);
    const asked = { entryId: command.entryId, outcome: command.outcome, documentNumber: command.documentNumber.trim(), reason: command.reason.trim() };
    return writeListEntryOnce(
      this.dataSource,
      this.cache,
      principal,
      { key: command.idempotencyKey, operation: 'lists.decide', request: asked },
      async (manager) => {
        const entry = UUID.test(command.entryId) ? await listEntries.lock(manager, command.entryId) : undefined;
        if (!entry) throw DomainError.notFound(ListEntryErrorCode.NotFound, `No list entry ${command.entryId}.`);
        this.cache.hold(entry.subject.id);
        assertRegionScope(principal, entry.region);
        const decided = decide(entry, {
          outcome: command.outcome as 'confirm' | 'drop',
          decidedOn: today(),
          decidedBy: principal.clientId,
          documentNumber: command.documentNumber.trim(),
          reason: command.reason.trim(),
        });
        return this.ledger.save(manager, decided);
      },
    );
  }
}
