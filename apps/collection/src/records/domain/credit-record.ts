import type { Severity, SubjectKind } from '@domain/credit';

/**
 * A record's life: `active` when received; `under-objection` while an objection is open;
 * `corrected` after an upheld objection changed it; `repaired` after a credit repair;
 * `revoked` by its provider (or an upheld objection without a correction); `expired` when its
 * publicity ended.
 */
export const RECORD_STATUSES = ['active', 'under-objection', 'corrected', 'repaired', 'revoked', 'expired'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export type { Severity, SubjectKind };

/** A credit record as it now stands (the current version; the history is kept beside it). */
export interface CreditRecord {
  id: string;
  recordType: string;
  subjectKind: SubjectKind;
  subjectId: string;
  subjectName: string;
  region: string;
  severity: Severity;
  decisionDate: string;
  documentNumber: string;
  status: RecordStatus;
  payload: Record<string, unknown>;
  sourceClientId: string;
  sourceRecordId: string | null;
  idempotencyKey: string | null;
  receivedAt: Date;
  catalogueVersion: number;
  /** Current version number. */
  version: number;
  /** A partner province's record (ADR 0069): its region, reference and agreement; null on ours. */
  partnerRegion?: string | null;
  partnerReference?: string | null;
  partnerAgreement?: string | null;
  /** Held from the partner's change feed (ADR 0086): its public facts only, this the summary it published. */
  publicSummary?: string | null;
  /** The source's publication version last applied from its feed (ADR 0086). */
  partnerVersion?: number | null;
}
