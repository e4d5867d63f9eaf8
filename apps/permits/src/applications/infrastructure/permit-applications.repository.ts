import { EntityManager } from 'typeorm';
import { isEscalatedOverdue } from '../../approvals/domain/approval';
import type { PermitApplicationDraft } from '../domain/permit-application';
import type { PermitApplicationView, ProvinceApprovalView } from '../application/permit-application.view';

export interface NewPermitApplication {
  view: PermitApplicationView;
  clientId: string;
  draft: PermitApplicationDraft;
}

/**
 * Stores an application with one approval row per route province (the origin's state `origin`) in
 * ONE statement (a data-modifying CTE, executed even when there are no rows to
 * add): one round trip fewer on the submission path (docs/perf.md, profile of 2026-12-06).
 */
export async function insertPermitApplication(manager: EntityManager, { view, clientId, draft }: NewPermitApplication): Promise<void> {
  await manager.query(
    `WITH application AS (
       INSERT INTO permit_applications (id, client_id, region, carrier_uscc, status, permit_class, cross_province, path, inspection,
         path_reasons, credit_decision_id, reasons, deficiencies, working_days, received_on, deadline, deadline_provisional, application, accepted_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING id
     )
     INSERT INTO permit_province_approvals (application_id, province, route_order, state)
     SELECT application.id, a.province, a.route_order, a.state
       FROM application, unnest($20::text[], $21::int[], $22::text[]) AS a (province, route_order, state)`,
    [
      view.id,
      clientId,
      view.region,
      view.carrierUscc,
      view.status,
      view.permitClass,
      view.crossProvince,
      view.path,
      view.inspection,
      JSON.stringify(view.pathReasons),
      view.creditDecisionId,
      JSON.stringify(view.reasons),
      JSON.stringify(view.deficiencies),
      view.workingDays,
      view.receivedOn,
      view.deadline,
      view.deadlineProvisional,
      JSON.stringify(draft),
      view.acceptedOn,
      view.approvals.map((a) => a.province),
      view.approvals.map((_, i) => i),
      view.approvals.map((a) => a.state),
    ],
  );
}

interface ApplicationRow {
  id: string;
  region: string;
  carrier_uscc: string;
  status: PermitApplicationView['status'];
  permit_class: PermitApplicationView['permitClass'];
  cross_province: boolean;
  path: PermitApplicationView['path'];
  inspection: PermitApplicationView['inspection'];
  path_reasons: string[];
  credit_decision_id: string | null;
  reasons: string[];
  deficiencies: PermitApplicationView['deficiencies'];
  working_days: number | null;
  received_on: string;
  accepted_on: string | null;
  remote_inspection_drawn: boolean | null;
  deadline: string | null;
  deadline_provisional: boolean;
  decision: 'issued' | 'refused' | null;
  decision_reason: string | null;
  permit_no: string | null;
}

export async function findPermitApplication(manager: EntityManager, id: string, forUpdate = false): Promise<PermitApplicationView | undefined> {
  const [row]: ApplicationRow[] = await manager.query(
    `SELECT id, region, carrier_uscc, status, permit_class, cross_province, path, inspection, path_reasons, credit_decision_id, reasons,
            deficiencies, working_days, received_on::text, accepted_on::text, remote_inspection_drawn, deadline::text, deadline_provisional, decision, decision_reason,
            (SELECT permit_no FROM permits WHERE application_id = a.id) AS permit_no
       FROM permit_applications a WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) return undefined;
  const approvalRows: { province: string; state: ProvinceApprovalView['state']; reason: string | null; answered_at: Date | null; escalated_at: Date | null }[] =
    await manager.query(
      `SELECT province, state, reason, answered_at, escalated_at FROM permit_province_approvals WHERE application_id = $1 ORDER BY route_order`,
      [id],
    );
  const approvals: ProvinceApprovalView[] = approvalRows.map((a) => ({
    province: a.province,
    state: a.state,
    reason: a.reason,
    answeredAt: a.answered_at?.toISOString() ?? null,
    overdue: row.decision === null && isEscalatedOverdue(a.state, a.escalated_at),
    escalatedAt: a.escalated_at?.toISOString() ?? null,
  }));
  return {
    id: row.id,
    region: row.region,
    carrierUscc: row.carrier_uscc,
    status: row.status,
    permitClass: row.permit_class,
    crossProvince: row.cross_province,
    workingDays: row.working_days,
    receivedOn: row.received_on,
    acceptedOn: row.accepted_on,
    remoteInspection: row.remote_inspection_drawn === null ? null : row.remote_inspection_drawn ? 'drawn' : 'not-drawn',
    deadline: row.deadline,
    deadlineProvisional: row.deadline_provisional,
    path: row.path,
    inspection: row.inspection,
    pathReasons: row.path_reasons,
    creditDecisionId: row.credit_decision_id,
    reasons: row.reasons,
    deficiencies: row.deficiencies,
    approvals,
    decision: row.decision,
    decisionReason: row.decision_reason,
    permitNo: row.permit_no,
  };
}

/** The application's stored draft (what was applied for). */
export async function findApplicationDraft(manager: EntityManager, id: string): Promise<PermitApplicationDraft | undefined> {
  const [row]: { application: PermitApplicationDraft }[] = await manager.query(`SELECT application FROM permit_applications WHERE id = $1`, [id]);
  return row?.application;
}

export async function recordDecision(
  manager: EntityManager,
  id: string,
  decision: 'issued' | 'refused',
  reason: string | null,
  decidedBy: string,
): Promise<void> {
  await manager.query(`UPDATE permit_applications SET decision = $2, decision_reason = $3, decided_by = $4, decided_at = now() WHERE id = $1`, [
    id,
    decision,
    reason,
    decidedBy,
  ]);
}

/** A correction's result: the completed draft and, when complete, the acceptance day and the deadline. */
export async function recordCorrection(
  manager: EntityManager,
  id: string,
  c: {
    draft: PermitApplicationDraft;
    status: 'accepted' | 'deficient';
    deficiencies: { field: string; reason: string }[];
    acceptedOn: string | null;
    deadline: string | null;
    deadlineProvisional: boolean;
    at: Date;
  },
): Promise<void> {
  await manager.query(
    `UPDATE permit_applications SET application = $2, status = $3, deficiencies = $4, accepted_on = $5, deadline = $6, deadline_provisional = $7, corrected_at = $8
     WHERE id = $1`,
    [id, JSON.stringify(c.draft), c.status, JSON.stringify(c.deficiencies), c.acceptedOn, c.deadline, c.deadlineProvisional, c.at],
  );
}
