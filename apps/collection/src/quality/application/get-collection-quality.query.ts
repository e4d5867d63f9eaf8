import type { UnitCounts } from '../domain/collection-quality';

export interface GetCollectionQualityQuery {
  /** '' for the caller's region. */
  region: string;
  /** YYYY-MM; '' for the current month (China time). */
  month: string;
}

export interface CollectionQualityReport {
  region: string;
  month: string;
  timelinessWorkingDays: number;
  units: UnitCounts[];
  generatedAt: string;
}
