/** Every scheme, with its active (or else latest) version's name, regions and subject kinds. */
export type ListSchemesQuery = Record<string, never>;

export interface SchemeSummaryView {
  id: string;
  nameZh: string;
  nameEn: string;
  activeVersion: number;
  latestVersion: number;
  regions: string[];
  subjectKinds: string[];
  /**
   * The build ships a document for this scheme that differs from its last shipped version, and a
   * regulator uploaded a version of their own since, so it was not applied (ADR 0047).
   */
  shippedUpdateAvailable: boolean;
}
