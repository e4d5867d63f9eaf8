/** Payload of `credit.records.created` v1. */
export interface CreditRecordCreatedV1 {
  recordId: string;
  recordType: string;
  subject: { kind: 'org' | 'person' | 'vehicle' | 'vessel'; id: string; name: string };
  region: string;
  severity: 'minor' | 'general' | 'severe';
  decisionDate: string;
  documentNumber: string;
  isPublic: boolean;
  summary: string;
  sourceClientId: string;
  receivedAt: string;
  /**
   * The type-specific fields as validated against the catalogue (added compatibly: absent on
   * events published before it). Evaluation schemes read them (e.g. an accident's deaths and
   * responsibility). Not public data: disclosure must not copy it.
   */
  payload?: Record<string, unknown>;
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
