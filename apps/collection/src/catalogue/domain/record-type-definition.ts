import type { RecordTypeCode, Severity, SubjectKind } from '@domain/credit';

/**
 * One record type of the collection catalogue (目录), as data (DOMAIN.md §2). A catalogue
 * version is a list of these; records remember the version they were validated against.
 */
export interface RecordTypeDefinition {
  code: RecordTypeCode;
  name: { zh: string; en: string };
  category: RecordCategory;
  /** Which kinds of subject a record of this type may be about. */
  subjectKinds: readonly SubjectKind[];
  /** The severity scale allowed for this type; submissions outside it are refused. */
  severities: readonly Severity[];
  /** Published to the public portal (双公示 covers licences and penalties). */
  isPublic: boolean;
  /**
   * Publicity rule: how long a public record stays public, in months from the decision date,
   * by severity. National rule (国家发展改革委令2025年第36号) unless `basis` says otherwise.
   */
  publicity: { basis: string; monthsBySeverity: Partial<Record<Severity, { min: number; max: number }>> } | null;
  /**
   * 双公示 timeliness: publish within this many working days of the decision (law: 7), or null
   * when the type has no such duty.
   */
  timelinessWorkingDays: number | null;
  /** Scopes allowed to submit (any one suffices), e.g. `records:write`. */
  submitScopes: readonly string[];
  /** JSON Schema (draft 2020-12) of the type-specific payload; `additionalProperties: false`. */
  payloadSchema: Record<string, unknown>;
}

export const RECORD_CATEGORIES = [
  'licence',
  'penalty',
  'commitment',
  'monitoring',
  'complaint',
  'commendation',
  'accident',
  'notice',
  'inspection',
  'environment',
] as const;
export type RecordCategory = (typeof RECORD_CATEGORIES)[number];

export interface CatalogueDocument {
  version: number;
  /** ISO date from which submissions are validated against this version. */
  effectiveFrom: string;
  /** Where the content comes from (documents, rules). */
  sources: readonly string[];
  recordTypes: readonly RecordTypeDefinition[];
}
