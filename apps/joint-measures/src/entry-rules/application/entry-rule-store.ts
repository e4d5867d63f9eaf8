import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { contentHash } from '@platform/database';
import { danglingReferences, schemeCatalogue, type CheckedItem, type KnownScheme } from '../../configuration/domain/config-problem';
import { danglingReferenceError } from '../../configuration/domain/configuration-errors';
import { checkEntryRules, parseEntryRules, type EntryRule } from '../domain/entry-rule';
import { SHIPPED_ENTRY_RULES } from '../domain/shipped-entry-rules';

/** The content hash of the build's shipped rules (version 0), recorded with each upload. */
const SHIPPED_ENTRY_RULES_HASH = contentHash(SHIPPED_ENTRY_RULES);

export interface EntryRuleSet {
  /** 0: the shipped rules (nothing uploaded yet). */
  version: number;
  /** The rules applied: the active ones (a rule waiting for a scheme, or invalid against it, is never applied). */
  rules: EntryRule[];
  /** Every rule of the set with its status against the known schemes (ADR 0043). */
  checked: CheckedItem<EntryRule>[];
  uploadedBy: string;
  uploadedAt: string;
}

/** The schemes joint measures knows (known_schemes, fed by evaluation.schemes.published), as KnownScheme JSON. */
const KNOWN_SCHEMES_JSON = `(SELECT coalesce(json_agg(json_build_object('schemeId', k.scheme_id, 'version', k.version, 'ladderId', k.ladder_id,
   'grades', k.grades, 'sectors', k.sectors, 'regions', k.regions)), '[]') FROM known_schemes k)`;

interface SetRow {
  version: number | null;
  rules: EntryRule[] | null;
  uploaded_by: string | null;
  uploaded_at: string | null;
  schemes: KnownScheme[];
}

/**
 * The set in force, when the shipped rules changed in code since it was uploaded (ADR 0047): the
 * upload is the operator's and stays in force; this only reports it (admin API, start warning).
 * Undefined with no upload (version 0 is the build's), for a set carrying the shipped rules, and
 * for a set uploaded before the shipped hash was recorded.
 */
export async function entryRulesHeldBack(manager: EntityManager): Promise<{ version: number } | undefined> {
  const [row]: { version: number; rules: unknown; shipped_hash: string | null }[] = await manager.query(
    `SELECT version, rules, shipped_hash FROM entry_rule_sets ORDER BY version DESC LIMIT 1`,
  );
  if (!row?.shipped_hash || row.shipped_hash === SHIPPED_ENTRY_RULES_HASH || contentHash(row.rules) === SHIPPED_ENTRY_RULES_HASH) return undefined;
  return { version: row.version };
}

/**
 * The rule set in force: the latest uploaded version, or the shipped rules, checked against the
 * schemes joint measures knows. Read inside the consumer's transaction on each event (one
 * statement with the known schemes), so every replica applies an upload, and a rule whose scheme
 * was just published, from the next event on.
 */
@Injectable()
export class EntryRuleStore {
  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<EntryRuleSet> {
    const [row]: SetRow[] = await manager.query(
      `SELECT s.version, s.rules, s.uploaded_by, s.uploaded_at::text AS uploaded_at,
              ${KNOWN_SCHEMES_JSON} AS schemes
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM entry_rule_sets ORDER BY version DESC LIMIT 1) s ON true`,
    );
    const rules = row.rules ?? [...SHIPPED_ENTRY_RULES];
    const checked = checkEntryRules(rules, schemeCatalogue(row.schemes));
    return {
      version: row.version ?? 0,
      rules: checked.filter((r) => r.status === 'active').map((r) => r.item),
      checked,
      uploadedBy: row.uploaded_by ?? 'platform:shipped',
      uploadedAt: row.uploaded_at ? new Date(row.uploaded_at).toISOString() : '',
    };
  }

  /**
   * Checks and stores a new version, refused as a whole when a rule is malformed (400
   * ENTRY_RULES.INVALID) or a reference dangles (422 CONFIG.DANGLING_REFERENCE). A rule naming a
   * scheme not published yet is stored and pending.
   */
  async upload(input: unknown, uploadedBy: string): Promise<EntryRuleSet> {
    const rules = parseEntryRules(input);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE entry_rule_sets IN SHARE ROW EXCLUSIVE MODE`);
      const [{ schemes }]: { schemes: KnownScheme[] }[] = await manager.query(`SELECT ${KNOWN_SCHEMES_JSON} AS schemes`);
      const checked = checkEntryRules(rules, schemeCatalogue(schemes));
      const dangling = danglingReferences(checked.flatMap((r) => r.problems));
      if (dangling.length > 0) throw danglingReferenceError('entry rules', dangling);
      const rows: { version: number; uploaded_at: Date }[] = await manager.query(
        `INSERT INTO entry_rule_sets (rules, uploaded_by, shipped_hash) VALUES ($1, $2, $3) RETURNING version, uploaded_at`,
        [JSON.stringify(rules), uploadedBy, SHIPPED_ENTRY_RULES_HASH],
      );
      return {
        version: rows[0].version,
        rules: checked.filter((r) => r.status === 'active').map((r) => r.item),
        checked,
        uploadedBy,
        uploadedAt: rows[0].uploaded_at.toISOString(),
      };
    });
  }

  /** The set in force when the shipped rules changed since it was uploaded (entryRulesHeldBack). */
  shippedUpdate(manager: EntityManager = this.dataSource.manager): Promise<{ version: number } | undefined> {
    return entryRulesHeldBack(manager);
  }

  /** Every stored version (newest first); version 0, the shipped rules, is in force while none is. */
  async versions(manager: EntityManager = this.dataSource.manager): Promise<{ version: number; uploadedBy: string; uploadedAt: string }[]> {
    const rows: { version: number; uploaded_by: string; uploaded_at: Date }[] = await manager.query(
      `SELECT version, uploaded_by, uploaded_at FROM entry_rule_sets ORDER BY version DESC`,
    );
    return rows.map((r) => ({ version: r.version, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at.toISOString() }));
  }

  /** One stored version's rules (0: the shipped ones), or undefined. */
  async version(
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ rules: EntryRule[]; uploadedBy: string; uploadedAt: string } | undefined> {
    if (version === 0) return { rules: [...SHIPPED_ENTRY_RULES], uploadedBy: 'platform:shipped', uploadedAt: '' };
    const rows: { rules: EntryRule[]; uploaded_by: string; uploaded_at: Date }[] = await manager.query(
      `SELECT rules, uploaded_by, uploaded_at FROM entry_rule_sets WHERE version = $1`,
      [version],
    );
    return rows[0] && { rules: rows[0].rules, uploadedBy: rows[0].uploaded_by, uploadedAt: rows[0].uploaded_at.toISOString() };
  }
}
