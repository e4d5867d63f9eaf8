import type { EntryRuleSet } from './entry-rule-store';

/** The entry rules in force (nothing to ask: there is one set). */
export type GetEntryRulesQuery = Record<string, never>;

/** The set in force: its version (0: the shipped rules) and rules. */
export type EntryRulesView = EntryRuleSet;
