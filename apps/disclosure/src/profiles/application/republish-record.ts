import { EntityManager } from 'typeorm';
import { runUpdate } from '@platform/database';
import { PublicationLog } from '../../publication-log/application/publication-log';
import { publicationContent } from '../../publication-log/domain/hash-chain';
import type { PublicItem } from '../infrastructure/public-items';

/**
 * Puts back a record withdrawn for `reason` (a repair later revoked, issue 19 item 8), in the
 * caller's transaction: the kept withdrawal is dropped and the item shown again for the rest of
 * its period (its `published_until` is unchanged). The log is told `published` at `at` when that
 * period is not over yet; the log's append touches the profile, so the cached profile follows.
 * An item withdrawn for another reason (revoked, expired) stays withdrawn.
 */
export async function republishRecord(manager: EntityManager, log: PublicationLog, recordId: string, at: Date, reason: string): Promise<void> {
  await manager.query(`DELETE FROM record_withdrawals WHERE record_id = $1 AND reason = $2`, [recordId, reason]);
  const { rows } = await runUpdate<PublicItem>(
    manager,
    `UPDATE public_records SET withdrawn_at = NULL, withdrawn_reason = NULL WHERE record_id = $1 AND withdrawn_reason = $2
     RETURNING publication_id AS "publicationId", uscc, record_type AS "recordType", document_number AS "documentNumber",
       to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate", severity, published_until AS "publishedUntil", withdrawn_at AS "withdrawnAt"`,
    [recordId, reason],
  );
  const item = rows[0];
  if (!item || new Date(item.publishedUntil) <= at) return;
  await log.append(manager, [publicationContent('published', { ...item, publishedUntil: new Date(item.publishedUntil) }, at, 'repair revoked')]);
}
