import type { PublicListEntryView } from '../../lists/application/get-public-list.query';

/** An enterprise's public profile by USCC (any case or width). */
export interface GetSubjectProfileQuery {
  uscc: string;
}

export interface PublishedItem {
  recordType: string;
  documentNumber: string;
  decisionDate: string;
  severity: string;
  summary: string;
  publishedFrom: string;
  publishedUntil: string;
  publicationId: string;
}

export interface PublishedGrade {
  schemeId: string;
  schemeVersion: number;
  /** The scheme's name (Chinese, English); its id when the grade predates names on grade events. */
  schemeName: string;
  schemeNameEn: string;
  grade: string;
  /** The grade's tier when the scheme's ladder declares tiers (ADR 0050, e.g. 良), else empty. */
  tier: string;
  score: number;
  cycle: string;
  evaluatedAt: string;
}

export interface SubjectProfile {
  uscc: string;
  name: string;
  region: string;
  penalties: PublishedItem[];
  licences: PublishedItem[];
  /** Credit commitments (信用承诺) made public, and commitments found broken. */
  commitments: PublishedItem[];
  grades: PublishedGrade[];
  lists: PublicListEntryView[];
  asOf: string;
}
