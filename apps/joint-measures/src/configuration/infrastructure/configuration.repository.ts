import type { EntityManager } from 'typeorm';
import { contentHash, type StoredVersionOrigin } from '@platform/database';
import type { KnownScheme } from '../domain/config-problem';

/** A kind kept in configuration_versions (entry rules keep their own table, entry_rule_sets). */
export type VersionedKind = 'measure-mappings' | 'draw-plans';

export interface StoredVersion {
  kind: VersionedKind;
  version: number;
  document: unknown;
  uploadedBy: string;
  uploadedAt: string;
}

interface VersionRow {
  kind: VersionedKind;
  version: number;
  document: unknown;
  uploaded_by: string;
  uploaded_at: Date;
}

const toVersion = (r: VersionRow): StoredVersion => ({
  kind: r.kind,
  version: r.version,
  document: r.document,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at.toISOString(),
});

interface SchemeRow {
  scheme_id: string;
  version: number;
  ladder_id: string;
  grades: string[];
  sectors: string[];
  regions: string[];
}

const toScheme = (r: SchemeRow): KnownScheme => ({
  schemeId: r.scheme_id,
  version: r.version,
  ladderId: r.ladder_id,
  grades: r.grades,
  sectors: r.sectors,
  regions: r.regions,
});

/** The versioned configuration and the known schemes it is checked against. */
export const configurationTables = {
  async knownSchemes(manager: EntityManager): Promise<KnownScheme[]> {
    const rows: SchemeRow[] = await manager.query(`SELECT scheme_id, version, ladder_id, grades, sectors, regions FROM known_schemes ORDER BY scheme_id`);
    return rows.map(toScheme);
  },

  /** Keeps the latest announced version of a scheme; an older (redelivered, reordered) announcement changes nothing. Returns whether it changed. */
  async putKnownScheme(manager: EntityManager, scheme: KnownScheme, name: { zh: string; en: string }, publishedAt: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO known_schemes (scheme_id, version, name, ladder_id, grades, sectors, regions, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (scheme_id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, ladder_id = EXCLUDED.ladder_id,
         grades = EXCLUDED.grades, sectors = EXCLUDED.sectors, regions = EXCLUDED.regions, published_at = EXCLUDED.published_at, updated_at = now()
       WHERE known_schemes.version < EXCLUDED.version
       RETURNING scheme_id`,
      [scheme.schemeId, scheme.version, JSON.stringify(name), scheme.ladderId, scheme.grades, scheme.sectors, scheme.regions, publishedAt],
    );
    return rows.length > 0;
  },

  async latest(manager: EntityManager, kind: VersionedKind): Promise<StoredVersion | undefined> {
    const rows: VersionRow[] = await manager.query(
      `SELECT kind, version, document, uploaded_by, uploaded_at FROM configuration_versions WHERE kind = $1 ORDER BY version DESC LIMIT 1`,
      [kind],
    );
    return rows[0] && toVersion(rows[0]);
  },

  async version(manager: EntityManager, kind: VersionedKind, version: number): Promise<StoredVersion | undefined> {
    const rows: VersionRow[] = await manager.query(
      `SELECT kind, version, document, uploaded_by, uploaded_at FROM configuration_versions WHERE kind = $1 AND version = $2`,
      [kind, version],
    );
    return rows[0] && toVersion(rows[0]);
  },

  async versions(manager: EntityManager, kind: VersionedKind): Promise<Omit<StoredVersion, 'document'>[]> {
    const rows: Omit<VersionRow, 'document'>[] = await manager.query(
      `SELECT kind, version, uploaded_by, uploaded_at FROM configuration_versions WHERE kind = $1 ORDER BY version DESC`,
      [kind],
    );
    return rows.map((r) => ({ kind: r.kind, version: r.version, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at.toISOString() }));
  },

  /** Every stored version of a kind with who stored it and its content hash (ADR 0047: whether a shipped set changed since its last stored version). */
  async origins(manager: EntityManager, kind: VersionedKind): Promise<StoredVersionOrigin[]> {
    const rows: { version: number; uploaded_by: string; document: unknown }[] = await manager.query(
      `SELECT version, uploaded_by, document FROM configuration_versions WHERE kind = $1`,
      [kind],
    );
    return rows.map((r) => ({ version: r.version, uploadedBy: r.uploaded_by, contentHash: contentHash(r.document) }));
  },

  /**
   * Stores the next version of a kind. Serialised per kind by an advisory lock held to the end of
   * the caller's transaction; `basedOn` > 0 refuses (returns undefined) when another version was stored meanwhile.
   */
  async append(manager: EntityManager, kind: VersionedKind, document: unknown, uploadedBy: string, basedOn = 0): Promise<number | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('joint_measures.configuration_versions:' || $1))`, [kind]);
    const [{ latest }]: { latest: number }[] = await manager.query(
      `SELECT coalesce(max(version), 0)::int AS latest FROM configuration_versions WHERE kind = $1`,
      [kind],
    );
    if (basedOn > 0 && basedOn !== latest) return undefined;
    await manager.query(`INSERT INTO configuration_versions (kind, version, document, uploaded_by) VALUES ($1, $2, $3, $4)`, [
      kind,
      latest + 1,
      JSON.stringify(document),
      uploadedBy,
    ]);
    return latest + 1;
  },

  /** A token that changes whenever the configuration in force or the known schemes change (every replica polls it). */
  async revision(manager: EntityManager): Promise<string> {
    const [row]: { revision: string }[] = await manager.query(
      `SELECT concat_ws('|',
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM known_schemes),
         (SELECT coalesce(string_agg(kind || ':' || version, ',' ORDER BY kind), '') FROM (SELECT kind, max(version) AS version FROM configuration_versions GROUP BY kind) v),
         (SELECT coalesce(max(version), 0)::text FROM entry_rule_sets)) AS revision`,
    );
    return row.revision;
  },
};
