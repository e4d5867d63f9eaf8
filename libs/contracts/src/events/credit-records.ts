/** The fields every event that carries a whole record shares. */
export interface CreditRecordFactsV1 {
  recordId: string;
  recordType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string; name: string };
  region: string;
  severity: 'minor' | 'general' | 'severe';
  decisionDate: string;
  documentNumber: string;
  isPublic: boolean;
  /**
   * Last day of publication (China date, inclusive), from the record type's publicity period in
   * the catalogue version the record was validated against: the repair rule's periods for
   * dishonesty, the catalogue's own for licences, commitments and commendations (issue 16). null
   * when the type has no publicity period. Added compatibly: absent on events published before it
   * (consumers then fall back to the national periods by severity).
   */
  publicityEndsOn?: string | null;
}

/** Payload of `credit.records.created` v1. */
export interface CreditRecordCreatedV1 extends CreditRecordFactsV1 {
  summary: string;
  sourceClientId: string;
  receivedAt: string;
  /**
   * The type-specific fields as validated against the catalogue (added compatibly: absent on
   * events published before it). Evaluation schemes and joint measures' entry rules read them
   * (an accident's deaths, a penalty's violation type). Not public data: disclosure must not copy it.
   */
  payload?: Record<string, unknown>;
  /**
   * Set only on a record a partner province pushed (ADR 0069): its region, its reference and the
   * agreement it was accepted under. Added compatibly: absent on our own records and on events
   * published before it. Disclosure keeps it so the exchange feed never sends a partner's record
   * back (ADR 0079).
   */
  partner?: { region: string; sourceReference: string; agreement: string };
}

/** Payload of `credit.records.revoked` v1: the providing unit withdrew the record. */
export interface CreditRecordRevokedV1 {
  recordId: string;
  recordType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string };
  reason: string;
  version: number;
  revokedBy: string;
  revokedAt: string;
}

/**
 * Payload of `credit.records.updated` v1: the record's status or content changed (an objection
 * opened or rejected, a correction). Carries the record as it now stands, so consumers replace
 * their copy; `version` orders updates (ignore one older than what you hold).
 */
export interface CreditRecordUpdatedV1 extends CreditRecordFactsV1 {
  /** active | under-objection | corrected | repaired (see RepairRecordRepairedV1) */
  status: string;
  /** objection-opened | objection-rejected | corrected | repaired */
  change: string;
  version: number;
  /** For a correction: { field: { from, to } }. */
  changes: Record<string, { from: unknown; to: unknown }>;
  changedBy: string;
  changedAt: string;
  /** The type-specific fields as they now stand (not public data, see CreditRecordCreatedV1). */
  payload?: Record<string, unknown>;
}

/** Payload of `credit.objections.opened` v1. */
export interface CreditObjectionOpenedV1 {
  objectionId: string;
  recordId: string;
  providerClientId: string;
  openedBy: string;
  openedAt: string;
  dueOn: string;
}

/** Payload of `credit.objections.resolved` v1. */
export interface CreditObjectionResolvedV1 {
  objectionId: string;
  recordId: string;
  /** corrected | revoked | rejected */
  outcome: string;
  resolvedBy: string;
  resolvedAt: string;
  /** Resolved after its due date. */
  late: boolean;
}
