import { EntityManager } from 'typeorm';
import type { PermitApplicationDraft } from '../../applications/domain/permit-application';
import type { PermitApplicationView } from '../../applications/application/permit-application.view';
import { findPermitApplication, recordDecision } from '../../applications/infrastructure/permit-applications.repository';
import type { ApprovalState } from '../domain/approval';

export interface PendingApprovalRow {
  applicationId: string;
  originProvince: string;
  province: string;
  state: ApprovalState;
  carrierUscc: string;
  permitClass: string | null;
  deadline: string | null;
  escalatedAt: Date | null;
  draft: PermitApplicationDraft;
}

/** The rows a province is asked to answer: pending, on accepted applications not yet decided. */
export async function findPendingApprovals(manager: EntityManager, province: string): Promise<PendingApprovalRow[]> {
  const rows: {
    application_id: string;
    origin_province: string;
    province: string;
    state: ApprovalState;
    carrier_uscc: string;
    permit_class: string | null;
    deadline: string | null;
    escalated_at: Date | null;
    application: PermitApplicationDraft;
  }[] = await manager.query(
    `SELECT p.application_id, o.province AS origin_province, p.province, p.state, a.carrier_uscc, a.permit_class, a.deadline::text,
            p.escalated_at, a.application
       FROM permit_province_approvals p
       JOIN permit_applications a ON a.id = p.application_id
       JOIN permit_province_approvals o ON o.application_id = p.application_id AND o.state = 'origin'
      WHERE p.province = $1 AND p.state = 'pending' AND a.status = 'accepted' AND a.decision IS NULL
      ORDER BY a.deadline NULLS LAST, a.created_at, p.application_id`,
    [province],
  );
  return rows.map((r) => ({
    applicationId: r.application_id,
    originProvince: r.origin_province,
    province: r.province,
    state: r.state,
    carrierUscc: r.carrier_uscc,
    permitClass: r.permit_class,
    deadline: r.deadline,
    escalatedAt: r.escalated_at,
    draft: r.application,
  }));
}

export async function recordAnswer(
  manager: EntityManager,
  answer: { applicationId: string; province: string; state: 'approved' | 'refused'; reason: string | null; answeredBy: string; answeredAt: Date },
): Promise<void> {
  await manager.query(
    `UPDATE permit_province_approvals SET state = $3, reason = $4, answered_by = $5, answered_at = $6
      WHERE application_id = $1 AND province = $2 AND state = 'pending'`,
    [answer.applicationId, answer.province, answer.state, answer.reason, answer.answeredBy, answer.answeredAt],
  );
}

export interface EscalatedApproval {
  applicationId: string;
  province: string;
  deadline: string;
  /** The accepting authority's region and the carrier (the event's envelope). */
  region: string;
  carrierUscc: string;
}

/**
 * Marks escalated every province still pending on an undecided accepted application whose
 * deadline is before `today` (China date), once; returns the rows escalated.
 */
export async function escalateOverdueApprovals(manager: EntityManager, today: string, now: Date, limit: number): Promise<EscalatedApproval[]> {
  const due: { application_id: string; province: string; deadline: string; region: string; carrier_uscc: string }[] = await manager.query(
    `SELECT p.application_id, p.province, a.deadline::text, a.region, a.carrier_uscc
       FROM permit_province_approvals p
       JOIN permit_applications a ON a.id = p.application_id
      WHERE p.state = 'pending' AND p.escalated_at IS NULL AND a.status = 'accepted' AND a.decision IS NULL
        AND a.deadline IS NOT NULL AND a.deadline < $1::date
      ORDER BY a.deadline, p.application_id
      LIMIT $2
      FOR UPDATE OF p SKIP LOCKED`,
    [today, limit],
  );
  if (due.length === 0) return [];
  await manager.query(
    `UPDATE permit_province_approvals p SET escalated_at = $3
       FROM unnest($1::uuid[], $2::text[]) AS d (application_id, province)
      WHERE p.application_id = d.application_id AND p.province = d.province`,
    [due.map((d) => d.application_id), due.map((d) => d.province), now],
  );
  return due.map((r) => ({ applicationId: r.application_id, province: r.province, deadline: r.deadline, region: r.region, carrierUscc: r.carrier_uscc }));
}

/** The application with every province's approval, as applications store it (locked for an answer). */
export function findApplicationWithApprovals(manager: EntityManager, id: string, forUpdate = false): Promise<PermitApplicationView | undefined> {
  return findPermitApplication(manager, id, forUpdate);
}

/** A province's refusal refuses the application (its decision, by the refusing partner client). */
export function refuseApplication(manager: EntityManager, id: string, reason: string, refusedBy: string): Promise<void> {
  return recordDecision(manager, id, 'refused', reason, refusedBy);
}
