import type { Assessment } from '../domain/assessment';
import type { CreditPathOutcome } from '../domain/credit-path';

export interface ProvinceApprovalView {
  province: string;
  /** origin: the accepting province; the others pending until they answer (issue 18 item 5). */
  state: 'origin' | 'pending' | 'approved' | 'refused';
  reason: string | null;
  /** When the province answered (ISO instant). */
  answeredAt: string | null;
  /** Still pending after the cross-province deadline, as the escalation job found it (escalatedAt set). */
  overdue: boolean;
  /** When the escalation job escalated this overdue province (ISO instant). */
  escalatedAt: string | null;
}

/** An application as the service answers it: classification, deadline, path and every province's approval. */
export interface PermitApplicationView {
  id: string;
  region: string;
  carrierUscc: string;
  status: Assessment['status'];
  permitClass: Assessment['permitClass'];
  crossProvince: boolean;
  workingDays: number | null;
  receivedOn: string;
  /** The day's remote-inspection draw for a commitment application: drawn or not; null until its day is drawn. */
  remoteInspection: 'drawn' | 'not-drawn' | null;
  /** The day the materials were complete (at submission, or the correction that completed them); the deadline counts from it. */
  acceptedOn: string | null;
  deadline: string | null;
  deadlineProvisional: boolean;
  path: CreditPathOutcome['path'];
  inspection: CreditPathOutcome['inspection'];
  pathReasons: string[];
  creditDecisionId: string | null;
  reasons: string[];
  deficiencies: { field: string; reason: string }[];
  approvals: ProvinceApprovalView[];
  /** The accepting authority's decision: issued (with the permit number) or refused (with the reason). */
  decision: 'issued' | 'refused' | null;
  decisionReason: string | null;
  permitNo: string | null;
}
