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
}
