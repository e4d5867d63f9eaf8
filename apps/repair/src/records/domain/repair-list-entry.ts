/** Repair's copy of a list entry (joint measures, DOMAIN.md §4): what a list-entry repair needs. */
export interface RepairListEntry {
  entryId: string;
  listType: string;
  subjectKind: string;
  subjectId: string;
  /** The listing unit's region: its units decide the repair (谁认定、谁修复). */
  region: string;
  /** proposed | effective | dropped | removed */
  status: string;
  startsOn: string | null;
  version: number;
}
