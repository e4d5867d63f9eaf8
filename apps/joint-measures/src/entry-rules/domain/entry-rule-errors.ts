/** Error codes of the entry rules (uploaded rule sets) and their screening runs. */
export const EntryRuleErrorCode = {
  Invalid: 'ENTRY_RULES.INVALID',
  /** No rule of that id is in force (404). */
  UnknownRule: 'ENTRY_RULES.UNKNOWN_RULE',
  /** A screening request with a bad field: the day, the document number, a rule that is not a screening rule (400). */
  ScreeningInvalid: 'ENTRY_RULES.SCREENING_INVALID',
} as const;
