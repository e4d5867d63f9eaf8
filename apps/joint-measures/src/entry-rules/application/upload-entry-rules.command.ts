/** A new version of the entry rules, replacing the set in force as a whole. */
export interface UploadEntryRulesCommand {
  /** A JSON array of rules (domain/entry-rule.ts). */
  rulesJson: string;
}

export interface UploadedEntryRules {
  version: number;
  ruleCount: number;
}
