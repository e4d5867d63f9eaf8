import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PoisonMessageError } from '@platform/messaging';
import { DECISION_FACTS_CACHE, type DecisionFactsCache } from '../../facts-cache/application/facts-cache.tokens';
import { restoreAfterRevokedRepair } from '../domain/list-entry';
import { listEntries } from '../infrastructure/list-entry.repository';
import { ListEntryLedger } from './list-entry-ledger';

/** A list-entry repair revoked by the unit that approved it, as the repair service announced it. */
export interface RevokeListEntryRepairCommand {
  applicationId: string;
  entryId: string;
  subjectId: string;
}

/**
 * A revoked list-entry repair (`repair.list-entries.repair-revoked`, issue 19 item 8; ADR 0076): the
 * entry that repair removed early is back in force with its original period and announced as
 * `measures.list-entries.effective` in the consumer's transaction, so disclosure lists it again and
 * decisions count it. An entry not removed by that repair (already restored, or removed otherwise)
 * stays as it is.
 */
@Injectable()
export class RevokeListEntryRepairHandler {
  constructor(
    private readonly ledger: ListEntryLedger,
    @Inject(DECISION_FACTS_CACHE) private readonly cache: DecisionFactsCache,
  ) {}

  async execute(revocation: RevokeListEntryRepairCommand, manager: EntityManager): Promise<'restored' | 'not-removed-by-repair'> {
    const entry = await listEntries.lock(manager, revocation.entryId);
    if (!entry) throw new PoisonMessageError(`repair revocation ${revocation.applicationId} names unknown list entry ${revocation.entryId}`);
    if (entry.subject.id !== revocation.subjectId) {
      throw new PoisonMessageError(
        `repair revocation ${revocation.applicationId} names subject ${revocation.subjectId}, but entry ${entry.id} is about ${entry.subject.id}`,
      );
    }
    const restored = restoreAfterRevokedRepair(entry, revocation.applicationId);
    if (!restored) return 'not-removed-by-repair';
    this.cache.hold(entry.subject.id);
    await this.ledger.save(manager, restored);
    return 'restored';
  }
}
