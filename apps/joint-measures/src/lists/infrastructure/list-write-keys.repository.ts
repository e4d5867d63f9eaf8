import { EntityManager } from 'typeorm';
import type { ListEntry } from '../domain/list-entry';

export interface RememberedWrite {
  operation: string;
  requestHash: string;
  /** The entry as first answered. */
  entry: ListEntry;
}

/** Idempotency keys of list writes (`list_write_keys`), in the caller's transaction. */
export const listWriteKeys = {
  /**
   * Serialises writes under one client's key (a transaction-scoped advisory lock, so a retry sent
   * while the first attempt is still running waits for it) and returns what the key answered before.
   */
  async lockAndFind(manager: EntityManager, clientId: string, key: string): Promise<RememberedWrite | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`list-write:${clientId}:${key}`]);
    const rows: { operation: string; request_hash: string; entry: ListEntry }[] = await manager.query(
      `SELECT operation, request_hash, entry FROM list_write_keys WHERE client_id = $1 AND idempotency_key = $2`,
      [clientId, key],
    );
    return rows[0] && { operation: rows[0].operation, requestHash: rows[0].request_hash, entry: rows[0].entry };
  },

  async remember(manager: EntityManager, clientId: string, key: string, write: RememberedWrite): Promise<void> {
    await manager.query(`INSERT INTO list_write_keys (client_id, idempotency_key, operation, request_hash, entry) VALUES ($1, $2, $3, $4, $5)`, [
      clientId,
      key,
      write.operation,
      write.requestHash,
      JSON.stringify(write.entry),
    ]);
  },
};
