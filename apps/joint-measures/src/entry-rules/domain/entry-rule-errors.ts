/** Error codes of the entry rules (uploaded rule sets). */
export const EntryRuleErrorCode = { Invalid: 'ENTRY_RULES.INVALID' } as const;
