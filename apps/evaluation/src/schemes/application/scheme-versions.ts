import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { contentHash, decideShippedUpdate, type ShippedUpdate } from '@platform/database';
import type { SchemeDocument } from '../../engine/domain/scheme-document';

/** The scheme's row, created when missing, locked to the end of the transaction: storing versions of one scheme is serialised. */
export async function lockScheme(manager: EntityManager, id: string): Promise<{ latest: number; active: number | null }> {
  await manager.query(`INSERT INTO schemes (id, latest_version) VALUES ($1, 0) ON CONFLICT (id) DO NOTHING`, [id]);
  const [row]: { latest_version: number; active_version: number | null }[] = await manager.query(
    `SELECT latest_version, active_version FROM schemes WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return { latest: row!.latest_version, active: row!.active_version };
}

/**
 * Stores `version` of a scheme (the caller holds lockScheme). Published, it retires the version in
 * force, becomes the active one, and its scope is regraded (a refresh for RefreshStandingsJob,
 * committed with the publication). The same for a regulator's upload (PutSchemeHandler) and a
 * shipped document changed in code (SchemeRegistry); announcing it is the caller's.
 */
export async function storeSchemeVersion(
  manager: EntityManager,
  document: SchemeDocument,
  version: number,
  options: { publish: boolean; uploadedBy: string; active: number | null; regrade?: boolean },
): Promise<{ status: 'active' | 'draft'; activeVersion: number | null }> {
  const status = options.publish ? 'active' : 'draft';
  if (options.publish) {
    await manager.query(`UPDATE scheme_versions SET status = 'retired', retired_at = now() WHERE scheme_id = $1 AND status = 'active'`, [document.id]);
  }
  await manager.query(
    `INSERT INTO scheme_versions (scheme_id, version, status, document, uploaded_by, uploaded_at, published_at)
     VALUES ($1, $2, $3, $4, $5, now(), CASE WHEN $3 = 'active' THEN now() END)`,
    [document.id, version, status, JSON.stringify(document), options.uploadedBy],
  );
  if (options.publish && options.regrade !== false) {
    await manager.query(`INSERT INTO standing_refreshes (id, scheme_id, scheme_version, status) VALUES ($1, $2, $3, 'running')`, [
      uuidv7(),
      document.id,
      version,
    ]);
  }
  const activeVersion = options.publish ? version : options.active;
  await manager.query(`UPDATE schemes SET latest_version = $2, active_version = $3, updated_at = now() WHERE id = $1`, [document.id, version, activeVersion]);
  return { status, activeVersion };
}

/** What a shipped document asks of the stored versions of its scheme (ADR 0047): read under lockScheme to act on it. */
export async function shippedUpdateOf(manager: EntityManager, document: SchemeDocument): Promise<ShippedUpdate> {
  const rows: { version: number; uploaded_by: string; document: unknown }[] = await manager.query(
    `SELECT version, uploaded_by, document FROM scheme_versions WHERE scheme_id = $1`,
    [document.id],
  );
  return decideShippedUpdate(
    contentHash(document),
    rows.map((r) => ({ version: r.version, uploadedBy: r.uploaded_by, contentHash: contentHash(r.document) })),
  );
}
