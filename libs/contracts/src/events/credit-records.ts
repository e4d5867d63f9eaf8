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
