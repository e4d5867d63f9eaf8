import { EntityManager } from 'typeorm';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { publicationContent } from '../../publication-log/domain/hash-chain';
import { withdrawItem } from '../infrastructure/public-items';

/**
 * Ends a record's publication at `at` (revocation, repair), in the caller's transaction: kept in
 * `record_withdrawals` so the record's projection arriving later is withdrawn too, the item
 * withdrawn once, and the log told what the public saw — `withdrawn` if it was visible until
 * then, `expired` at the end of its period if that had already passed (not yet swept).
 */
export async function withdrawRecord(manager: EntityManager, log: PublicationLog, recordId: string, at: Date, reason: string): Promise<void> {
  await manager.query(`INSERT INTO record_withdrawals (record_id, withdrawn_at, reason) VALUES ($1, $2, $3) ON CONFLICT (record_id) DO NOTHING`, [recordId, at, reason]);
  const item = await withdrawItem(manager, recordId, at, reason);
  if (!item) return;
  const visible = item.publishedUntil > at;
  await log.append(manager, [publicationContent(visible ? 'withdrawn' : 'expired', item, visible ? at : item.publishedUntil, reason)]);
}
