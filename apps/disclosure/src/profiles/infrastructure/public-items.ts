import { EntityManager } from 'typeorm';
import { runUpdate } from '@platform/database';

/** A public item as the publication log describes it. */
export interface PublicItem {
  publicationId: string;
  uscc: string;
  recordType: string;
  documentNumber: string;
  decisionDate: string;
  severity: string;
  publishedUntil: Date;
  withdrawnAt: Date | null;
}

const COLUMNS = `publication_id AS "publicationId", uscc, record_type AS "recordType", document_number AS "documentNumber",
  to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate", severity, published_until AS "publishedUntil", withdrawn_at AS "withdrawnAt"`;

export async function findPublicItem(manager: EntityManager, recordId: string): Promise<PublicItem | undefined> {
  const [item] = await manager.query(`SELECT ${COLUMNS} FROM public_records WHERE record_id = $1`, [recordId]);
  return item;
}

/** Withdraws one item (once); the item as it was, if it had not been withdrawn before. */
export async function withdrawItem(manager: EntityManager, recordId: string, at: Date, reason: string): Promise<PublicItem | undefined> {
  const { rows } = await runUpdate<PublicItem>(
    manager,
    `UPDATE public_records SET withdrawn_at = $2, withdrawn_reason = $3 WHERE record_id = $1 AND withdrawn_at IS NULL RETURNING ${COLUMNS}`,
    [recordId, at, reason],
  );
  return rows[0];
}

/**
 * Withdraws items whose maximum publicity period is over, at the instant it ended (they left the
 * public profile then: queries filter on published_until). Safe with several replicas.
 */
export async function expireDueItems(manager: EntityManager, now: Date, limit: number): Promise<PublicItem[]> {
  const { rows } = await runUpdate<PublicItem>(
    manager,
    `UPDATE public_records p SET withdrawn_at = p.published_until, withdrawn_reason = 'expired: maximum publicity period'
      WHERE p.record_id IN (SELECT record_id FROM public_records WHERE withdrawn_at IS NULL AND published_until <= $1
                             ORDER BY published_until LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [now, limit],
  );
  return rows;
}
