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

/** A record to withdraw at `at`, for `reason`. */
export interface Withdrawal {
  recordId: string;
  at: Date;
  reason: string;
}

/**
 * Keeps many withdrawals by record id with one statement (given in stream order: a record's first
 * withdrawal is kept, as inserting them one after another with ON CONFLICT DO NOTHING would).
 */
export async function keepWithdrawals(manager: EntityManager, withdrawals: readonly Withdrawal[]): Promise<void> {
  if (withdrawals.length === 0) return;
  await manager.query(
    `INSERT INTO record_withdrawals (record_id, withdrawn_at, reason)
     SELECT DISTINCT ON (record_id) record_id, withdrawn_at, reason
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) WITH ORDINALITY AS t (record_id, withdrawn_at, reason, ord)
      ORDER BY record_id, ord
     ON CONFLICT (record_id) DO NOTHING`,
    [withdrawals.map((w) => w.recordId), withdrawals.map((w) => w.at), withdrawals.map((w) => w.reason)],
  );
}

/**
 * Withdraws many items with one statement, each once (given in stream order: a record's first
 * withdrawal wins, as `withdrawItem` one after another would). Returns the items withdrawn now,
 * as they were, each with the index of the withdrawal that withdrew it, in that order.
 */
export async function withdrawItems(manager: EntityManager, withdrawals: readonly Withdrawal[]): Promise<{ index: number; item: PublicItem }[]> {
  if (withdrawals.length === 0) return [];
  const { rows } = await runUpdate<PublicItem & { ord: string }>(
    manager,
    `UPDATE public_records SET withdrawn_at = t.at, withdrawn_reason = t.why
       FROM (SELECT DISTINCT ON (id) id, at, why, ord
               FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) WITH ORDINALITY AS u (id, at, why, ord)
              ORDER BY id, ord) t
      WHERE record_id = t.id AND withdrawn_at IS NULL
      RETURNING t.ord, ${COLUMNS}`,
    [withdrawals.map((w) => w.recordId), withdrawals.map((w) => w.at), withdrawals.map((w) => w.reason)],
  );
  return rows.map(({ ord, ...item }) => ({ index: Number(ord) - 1, item })).sort((a, b) => a.index - b.index);
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
