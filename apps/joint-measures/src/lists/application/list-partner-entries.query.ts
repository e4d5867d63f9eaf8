/** Entries partners sent: one by id, or all of the caller's region (an admin: every partner's), in a state. */
export interface ListPartnerEntriesQuery {
  entryId: string;
  /** applied | not-applied | withdrawn; empty: all. */
  state: string;
  /** The caller's entry with this partner reference (the gateway's feed puller, ADR 0080); empty: unused. */
  sourceReference?: string;
}

export const PARTNER_ENTRY_STATES = { applied: ['effective'], 'not-applied': ['not-applied'], withdrawn: ['removed'] } as const;
