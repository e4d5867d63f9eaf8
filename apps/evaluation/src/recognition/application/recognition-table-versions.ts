import type { EntityManager } from 'typeorm';
import { contentHash, decideShippedUpdate, type ShippedUpdate } from '@platform/database';
import type { RecognitionTable, SchemeLadderRef } from '../../engine/domain/recognition';

/** A stored version of a recognition table. */
export interface RecognitionTableVersion {
  tableId: string;
  version: number;
  table: RecognitionTable;
  uploadedBy: string;
  uploadedAt: Date;
}

/** The table's row, created when missing, locked to the end of the transaction: storing versions of one table is serialised. */
export async function lockRecognitionTable(manager: EntityManager, id: string): Promise<{ latest: number }> {
  await manager.query(`INSERT INTO recognition_tables (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [id]);
  const [row]: { active_version: number }[] = await manager.query(`SELECT active_version FROM recognition_tables WHERE id = $1 FOR UPDATE`, [id]);
  return { latest: row!.active_version };
}

/** Stores `version` (the caller holds lockRecognitionTable), in force at once: the newest version is the one in force. */
export async function storeRecognitionTableVersion(manager: EntityManager, table: RecognitionTable, version: number, uploadedBy: string): Promise<void> {
  await manager.query(`INSERT INTO recognition_table_versions (table_id, version, document, uploaded_by) VALUES ($1, $2, $3, $4)`, [
    table.id,
    version,
    JSON.stringify(table),
    uploadedBy,
  ]);
  await manager.query(`UPDATE recognition_tables SET active_version = $2, updated_at = now() WHERE id = $1`, [table.id, version]);
}

/** What a shipped table asks of the stored versions of its id (ADR 0047): read under lockRecognitionTable to act on it. */
export async function shippedRecognitionUpdateOf(manager: EntityManager, table: RecognitionTable): Promise<ShippedUpdate> {
  const rows: { version: number; uploaded_by: string; document: unknown }[] = await manager.query(
    `SELECT version, uploaded_by, document FROM recognition_table_versions WHERE table_id = $1`,
    [table.id],
  );
  return decideShippedUpdate(
    contentHash(table),
    rows.map((r) => ({ version: r.version, uploadedBy: r.uploaded_by, contentHash: contentHash(r.document) })),
  );
}

export async function readRecognitionTableVersion(manager: EntityManager, id: string, version: number): Promise<RecognitionTableVersion | undefined> {
  const [row]: { document: RecognitionTable; uploaded_by: string; uploaded_at: Date }[] = await manager.query(
    `SELECT document, uploaded_by, uploaded_at FROM recognition_table_versions WHERE table_id = $1 AND version = $2`,
    [id, version],
  );
  return row && { tableId: id, version, table: row.document, uploadedBy: row.uploaded_by, uploadedAt: row.uploaded_at };
}

/** Every scheme with a version in force, with that version's ladder (its own grades when it declares them, ADR 0050). */
export async function schemesInForce(manager: EntityManager): Promise<SchemeLadderRef[]> {
  const rows: { id: string; ladder: string; grades: string[] | null }[] = await manager.query(
    `SELECT scheme_id AS id, document->'ladder'->>'id' AS ladder, document->'ladder'->'grades' AS grades FROM scheme_versions WHERE status = 'active'`,
  );
  return rows.map((r) => ({ id: r.id, ladder: r.grades ? { id: r.ladder, grades: r.grades } : { id: r.ladder } }));
}
