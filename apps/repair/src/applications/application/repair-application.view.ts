import type { RepairApplicationRow } from '../infrastructure/repair-applications.repository';

/** An application as answered (plain data: ISO strings, so idempotent answers replay unchanged). */
export interface RepairApplicationView {
  id: string;
  targetKind: string;
  recordId: string;
  listEntryId: string;
  recordType: string;
  subjectKind: string;
  subjectId: string;
  decidingRegion: string;
  severity: string;
  decisionDate: string;
  mode: string;
  commitment: string;
  evidence: string[];
  status: string;
  appliedBy: string;
  appliedAt: string;
  decisionDueOn: string;
  overdue: boolean;
  decidedBy: string;
  decidedAt: string;
  decisionReason: string;
  revokedBy: string;
  revokedAt: string;
  revocationReason: string;
  reapplyBarredUntil: string;
  /** no-fine | verified | receipt-attached | missing; empty for a list entry. */
  finePaymentStatus: string;
  finePaymentRecordIds: string[];
  finePaymentMissing: string;
  /** The partner province the application was routed to (it decides); empty: decided here. */
  forwardedTo: string;
  /** The partner province that forwarded it to us, and its reference; empty: filed here. */
  originPartner: string;
  originReference: string;
}

/** `today` (China date) decides whether a pending application is past its due date. */
export function repairApplicationView(row: RepairApplicationRow, today: string): RepairApplicationView {
  return {
    id: row.id,
    targetKind: row.targetKind,
    recordId: row.recordId ?? '',
    listEntryId: row.listEntryId ?? '',
    recordType: row.recordType,
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    decidingRegion: row.decidingRegion,
    severity: row.severity ?? '',
    decisionDate: row.decisionDate ?? '',
    mode: row.mode,
    commitment: row.commitment,
    evidence: row.evidence,
    status: row.status,
    appliedBy: row.appliedBy,
    appliedAt: new Date(row.appliedAt).toISOString(),
    decisionDueOn: row.decisionDueOn,
    overdue: row.status === 'pending' && today > row.decisionDueOn,
    decidedBy: row.decidedBy ?? '',
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : '',
    decisionReason: row.decisionReason ?? '',
    revokedBy: row.revokedBy ?? '',
    revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : '',
    revocationReason: row.revocationReason ?? '',
    reapplyBarredUntil: row.reapplyBarredUntil ?? '',
    finePaymentStatus: row.finePayment?.status ?? '',
    finePaymentRecordIds: row.finePayment?.paymentRecordIds ?? [],
    finePaymentMissing: row.finePayment?.missing ?? '',
    forwardedTo: row.forwardedTo ?? '',
    originPartner: row.originPartner ?? '',
    originReference: row.originReference ?? '',
  };
}
