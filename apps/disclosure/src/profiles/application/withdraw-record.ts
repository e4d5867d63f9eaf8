import { EntityManager } from 'typeorm';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { publicationContent } from '../../publication-log/domain/hash-chain';
import { keepWithdrawals, PublicItem, withdrawItem, Withdrawal, withdrawItems } from '../infrastructure/public-items';

/**
 * Ends a record's publication at `at` (revocation, repair), in the caller's transaction: kept in
 * `record_withdrawals` so the record's projection arriving later is withdrawn too, the item
 * withdrawn once, and the log told what the public saw — `withdrawn` if it was visible until
 * then, `expired` at the end of its period if that had already passed (not yet swept).
 */
export async function withdrawRecord(manager: EntityManager, log: PublicationLog, recordId: string, at: Date, reason: string): Promise<void> {
  await manager.query(`INSERT INTO record_withdrawals (record_id, withdrawn_at, reason) VALUES ($1, $2, $3) ON CONFLICT (record_id) DO NOTHING`, [
    recordId,
    at,
    reason,
  ]);
  const item = await withdrawItem(manager, recordId, at, reason);
  if (!item) return;
  await log.append(manager, [withdrawalContent(item, at, reason)]);
}

/** `withdrawRecord` for each withdrawal in turn, with one statement per table (ADR 0033). */
export async function withdrawRecords(manager: EntityManager, log: PublicationLog, withdrawals: readonly Withdrawal[]): Promise<void> {
  if (withdrawals.length === 0) return;
  await keepWithdrawals(manager, withdrawals);
  const withdrawn = await withdrawItems(manager, withdrawals);
  await log.append(
    manager,
    withdrawn.map(({ index, item }) => withdrawalContent(item, withdrawals[index].at, withdrawals[index].reason)),
  );
}

function withdrawalContent(item: PublicItem, at: Date, reason: string) {
  const visible = item.publishedUntil > at;
  return publicationContent(visible ? 'withdrawn' : 'expired', item, visible ? at : item.publishedUntil, reason);
}
