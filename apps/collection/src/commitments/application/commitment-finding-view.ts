import type { CommitmentFindingEntity } from '../infrastructure/commitment-finding.entity';

/** A finding as the application answers it ('' for what is not decided yet). */
export interface CommitmentFindingView {
  id: string;
  commitmentRecordId: string;
  subject: { kind: string; id: string; name: string };
  region: string;
  acceptingClientId: string;
  commitmentDocumentNumber: string;
  dueOn: string;
  description: string;
  consequence: string;
  status: string;
  detectedAt: string;
  decidedBy: string;
  decidedAt: string;
  decisionDocumentNumber: string;
  decisionDate: string;
  severity: string;
  dismissReason: string;
  brokenRecordId: string;
}

export function toCommitmentFindingView(f: CommitmentFindingEntity): CommitmentFindingView {
  return {
    id: f.id,
    commitmentRecordId: f.commitmentRecordId,
    subject: { kind: f.subjectKind, id: f.subjectId, name: f.subjectName },
    region: f.region,
    acceptingClientId: f.acceptingClientId,
    commitmentDocumentNumber: f.commitmentDocumentNumber,
    dueOn: f.dueOn,
    description: f.description,
    consequence: f.consequence ?? '',
    status: f.status,
    detectedAt: f.detectedAt.toISOString(),
    decidedBy: f.decidedBy ?? '',
    decidedAt: f.decidedAt?.toISOString() ?? '',
    decisionDocumentNumber: f.decisionDocumentNumber ?? '',
    decisionDate: f.decisionDate ?? '',
    severity: f.severity ?? '',
    dismissReason: f.dismissReason ?? '',
    brokenRecordId: f.brokenRecordId ?? '',
  };
}
