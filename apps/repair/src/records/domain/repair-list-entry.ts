/** Repair's copy of a list entry (joint measures, DOMAIN.md §4): what a list-entry repair needs. */
export interface RepairListEntry {
  entryId: string;
  listType: string;
  subjectKind: string;
  subjectId: string;
  subjectName: string;
  /** The listing unit's region: its units decide the repair (谁认定、谁修复). */
  region: string;
  /** proposed | effective | dropped | removed */
  status: string;
  startsOn: string | null;
  version: number;
  /**
   * Set on an entry a partner province decided (joint measures' partner import, with its
   * provenance): that province decides its repair, so an application about it is forwarded there
   * under the partner's reference (ADR 0088). Null: ours.
   */
  partner: ListEntryPartner | null;
}

/** A partner's entry's provenance, as `measures.list-entries.*` carry it. */
export interface ListEntryPartner {
  region: string;
  /** The partner's id of the entry (its feed's `entry.id`). */
  sourceReference: string;
}
