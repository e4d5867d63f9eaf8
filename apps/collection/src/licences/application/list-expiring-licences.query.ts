import type { SubjectKind } from '../../records/domain/credit-record';

export interface ListExpiringLicencesQuery {
  /** '' for the caller's region. */
  region: string;
  /** 0 for the region's configured warning window. */
  withinDays: number;
  /** Filters, '' for none. */
  subjectId: string;
  sourceClientId: string;
  limit: number;
  cursor: string;
}

export interface ExpiringLicenceView {
  recordId: string;
  subject: { kind: SubjectKind; id: string; name: string };
  region: string;
  licenceName: string;
  licenceNumber: string;
  authority: string;
  sourceClientId: string;
  validUntil: string;
  daysLeft: number;
  announced: boolean;
}

export interface ExpiringLicencesView {
  windowFrom: string;
  windowUntil: string;
  windowDays: number;
  windowBasis: string;
  licences: ExpiringLicenceView[];
  nextCursor: string;
}
