import type { collectionV1 } from '@contracts';
import type { CreditRecord } from '../../records/domain/credit-record';
import { claimStateOf } from '../domain/violation-claim';
import { ViolationClaimEntity } from '../infrastructure/violation-claim.entity';

export function toViolationMessage(
  record: Pick<CreditRecord, 'id' | 'subjectKind' | 'subjectId' | 'subjectName' | 'region' | 'decisionDate' | 'payload'>,
  claim: ViolationClaimEntity | null,
): collectionV1.ViolationClaim {
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
