import { collectionV1 } from '@contracts';

type Decision = 'decidedBy' | 'decidedAt' | 'decisionDocumentNumber' | 'decisionDate' | 'severity' | 'dismissReason' | 'brokenRecordId' | 'consequence';

/** A commitment finding on REST: what is not decided (yet) is null rather than the wire's empty string. */
export type CommitmentFindingBody = Omit<collectionV1.CommitmentFinding, Decision> & { [K in Decision]: string | null };

export function toCommitmentFindingBody(finding: collectionV1.CommitmentFinding | undefined): CommitmentFindingBody {
  if (!finding) throw new Error('collection answered without a finding');
  const orNull = (value: string) => value || null;
  return {
    ...finding,
    consequence: orNull(finding.consequence),
    decidedBy: orNull(finding.decidedBy),
    decidedAt: orNull(finding.decidedAt),
    decisionDocumentNumber: orNull(finding.decisionDocumentNumber),
    decisionDate: orNull(finding.decisionDate),
    severity: orNull(finding.severity),
    dismissReason: orNull(finding.dismissReason),
    brokenRecordId: orNull(finding.brokenRecordId),
  };
}
