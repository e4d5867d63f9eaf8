import type { CreditRecord, SubjectKind } from '../../records/domain/credit-record';
import { claimStateOf } from '../domain/violation-claim';
import { ViolationClaimEntity } from '../infrastructure/violation-claim.entity';

/** A monitoring violation and where its claim stands, as the application answers it. */
export interface ViolationClaimView {
  recordId: string;
  subject: { kind: SubjectKind; id: string; name: string };
  region: string;
  violationCode: string;
  decisionDate: string;
  /** unclaimed | claimed | disposed */
  state: string;
  claimedBy: string;
  claimant: string;
  claimedAt: string;
  disposal: string;
  disposedAt: string;
}

export function toViolationView(
  record: Pick<CreditRecord, 'id' | 'subjectKind' | 'subjectId' | 'subjectName' | 'region' | 'decisionDate' | 'payload'>,
  claim: ViolationClaimEntity | null,
): ViolationClaimView {
  return {
    recordId: record.id,
    subject: { kind: record.subjectKind, id: record.subjectId, name: record.subjectName },
    region: record.region,
    violationCode: String(record.payload['violationCode'] ?? ''),
    decisionDate: record.decisionDate,
    state: claimStateOf(claim),
    claimedBy: claim?.claimedBy ?? '',
    claimant: claim?.claimant ?? '',
    claimedAt: claim?.claimedAt.toISOString() ?? '',
    disposal: claim?.disposal ?? '',
    disposedAt: claim?.disposedAt?.toISOString() ?? '',
  };
}
