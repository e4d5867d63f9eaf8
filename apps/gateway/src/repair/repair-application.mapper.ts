import type { repairV1 } from '@contracts';

/** A repair application as the API shows it; the decision as an object once there is one. */
export interface RepairApplicationBody {
  id: string;
  /** A record (its type, severity, decision date), or a list entry (its list type and start). */
  target:
    | { kind: 'record'; recordId: string; recordType: string; severity: string; decisionDate: string }
    | { kind: 'list-entry'; entryId: string; listType: string; startsOn: string };
  subject: { kind: string; id: string };
  decidingRegion: string;
  mode: string;
  commitment: string;
  evidence: string[];
  status: string;
  appliedBy: string;
  appliedAt: string;
  decisionDueOn: string;
  overdue: boolean;
  decision?: { outcome: string; reason: string; decidedBy: string; decidedAt: string };
  revocation?: { reason: string; revokedBy: string; revokedAt: string; reapplyBarredUntil: string };
  /** A penalty's fine checked against the payment data received (no receipt needed when verified). */
  finePayment?: { status: string; paymentRecordIds: string[]; missing?: string };
  /** Routed to the partner province that decided the record (谁认定、谁修复): it decides, its answer comes back. */
  forwardedTo?: { region: string };
  /** Forwarded to us by the partner province where the subject applied, under its reference. */
  origin?: { partnerRegion: string; reference: string };
}

export function toRepairApplicationBody(a: repairV1.RepairApplication | undefined): RepairApplicationBody {
  if (!a) throw new Error('repair answered without an application');
  return {
    id: a.id,
    target:
      a.targetKind === 'list-entry'
        ? { kind: 'list-entry', entryId: a.listEntryId, listType: a.recordType, startsOn: a.decisionDate }
        : { kind: 'record', recordId: a.recordId, recordType: a.recordType, severity: a.severity, decisionDate: a.decisionDate },
    subject: { kind: a.subjectKind, id: a.subjectId },
    decidingRegion: a.decidingRegion,
    mode: a.mode,
    commitment: a.commitment,
    evidence: a.evidence ?? [],
    status: a.status,
    appliedBy: a.appliedBy,
    appliedAt: a.appliedAt,
    decisionDueOn: a.decisionDueOn,
    overdue: a.overdue,
    ...(a.forwardedTo ? { forwardedTo: { region: a.forwardedTo } } : {}),
    ...(a.originPartner ? { origin: { partnerRegion: a.originPartner, reference: a.originReference } } : {}),
    ...(a.status === 'pending' || a.status === 'forwarded'
      ? {}
      : { decision: { outcome: decisionOutcome(a.status), reason: a.decisionReason, decidedBy: a.decidedBy, decidedAt: a.decidedAt } }),
    ...(a.finePaymentStatus
      ? {
          finePayment: {
            status: a.finePaymentStatus,
            paymentRecordIds: a.finePaymentRecordIds ?? [],
            ...(a.finePaymentMissing ? { missing: a.finePaymentMissing } : {}),
          },
        }
      : {}),
    ...(a.status === 'revoked'
      ? { revocation: { reason: a.revocationReason, revokedBy: a.revokedBy, revokedAt: a.revokedAt, reapplyBarredUntil: a.reapplyBarredUntil } }
      : {}),
  };
}

/** A revoked repair had been approved: the decision stays what it was. */
function decisionOutcome(status: string): string {
  return status === 'revoked' ? 'approved' : status;
}
