import type { PublicListEntryView } from '../../lists/application/get-public-list.query';

/** An enterprise's public profile by USCC (any case or width). */
export interface GetSubjectProfileQuery {
  uscc: string;
}

/** What the public is told about a record's standing: in force, under objection (异议处理中), corrected. */
export type PublishedItemStatus = 'in-force' | 'under-objection' | 'corrected';

export interface PublishedItem {
  recordType: string;
  documentNumber: string;
  decisionDate: string;
  severity: string;
  summary: string;
  publishedFrom: string;
  publishedUntil: string;
  publicationId: string;
  /** Reports issued before statuses were published stored none (read as in force). */
  status: PublishedItemStatus;
  /** When and how it can be repaired (可修复), as the repair service's notice says; dishonesty only. */
  repair?: RecordRepair;
  /** A record a partner province decided and shared (ADR 0069, ADR 0086): shown as that province's, never as ours. */
  partner?: { region: string; name: string };
}

/** The repair service's rules applied to one record (国家发展改革委令2025年第36号 minimum periods). */
export interface RecordRepair {
  /** First China date a repair may be applied for. */
  earliestDate: string;
  /** repair-commitment (承诺修复) | closed-loop (闭环修复). */
  mode: string;
  modeBasis: string;
}

export interface PublishedGrade {
  schemeId: string;
  schemeVersion: number;
  /** The scheme's name (Chinese, English); its id when the grade predates names on grade events. */
  schemeName: string;
  schemeNameEn: string;
  grade: string;
  /** How a person reads the grade (gradeLabelZh: 绿码, 五星…). */
  gradeLabel: string;
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
  /** `region` as a person reads it (河南省郑州市), '' when GB/T 2260 does not list the code. */
  regionName: string;
  penalties: PublishedItem[];
  licences: PublishedItem[];
  /** Credit commitments (信用承诺) made public, and commitments found broken. */
  commitments: PublishedItem[];
  grades: PublishedGrade[];
  lists: PublicListEntryView[];
  asOf: string;
}
