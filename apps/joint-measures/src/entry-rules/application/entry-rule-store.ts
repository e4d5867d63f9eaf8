import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RECORD_TYPE_CODES } from '@domain/credit';
import { parseEntryRules, type EntryRule } from '../domain/entry-rule';
import { SHIPPED_ENTRY_RULES } from '../domain/shipped-entry-rules';

export interface EntryRuleSet {
  /** 0: the shipped rules (nothing uploaded yet). */
  version: number;
  rules: EntryRule[];
}

/**
 * The rule set in force: the latest uploaded version, or the shipped rules. Read inside the
 * consumer's transaction on each event, so every replica applies an upload from the next event on.
 */
@Injectable()
export class EntryRuleStore {
  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<EntryRuleSet> {
    const rows: { version: number; rules: unknown }[] = await manager.query(`SELECT version, rules FROM entry_rule_sets ORDER BY version DESC LIMIT 1`);
    if (rows.length === 0) return { version: 0, rules: [...SHIPPED_ENTRY_RULES] };
    return { version: rows[0].version, rules: rows[0].rules as EntryRule[] };
  }

  /** Checks and stores a new version; refused as a whole (ENTRY_RULES.INVALID) when any rule is wrong. */
  async upload(input: unknown, uploadedBy: string): Promise<EntryRuleSet> {
    const rules = parseEntryRules(input, RECORD_TYPE_CODES);
    const rows: { version: number }[] = await this.dataSource.query(`INSERT INTO entry_rule_sets (rules, uploaded_by) VALUES ($1, $2) RETURNING version`, [
      JSON.stringify(rules),
      uploadedBy,
    ]);
    return { version: rows[0].version, rules };
  }
}
