import type { EntityManager } from 'typeorm';
import type { RepairMode } from '../../rules/domain/repair-checklist';
import type { FinePaymentCheck } from '../domain/fine-payment';
import type { RepairApplicationStatus, RepairOutcome, RepairTargetKind } from '../domain/repair-application';

export interface RepairApplicationRow {
  id: string;
  /** record | list-entry */
  targetKind: RepairTargetKind;
  /** The record repaired (target kind `record`). */
  recordId: string | null;
  /** The list entry repaired (target kind `list-entry`). */
  listEntryId: string | null;
  /** The record's type, or the list type. */
  recordType: string;
  subjectKind: string;
  subjectId: string;
  decidingRegion: string;
  severity: string | null;
  decisionDate: string | null;
  mode: RepairMode;
  commitment: string;
  evidence: string[];
  status: RepairApplicationStatus;
  appliedBy: string;
  appliedAt: Date;
  decisionDueOn: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  revokedBy: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  reapplyBarredUntil: string | null;
  /** The fine payment check at filing (records only). */
  finePayment: FinePaymentCheck | null;
  /** The partner province the application was routed to (it decided the record); null: decided here. */
  forwardedTo: string | null;
  /** The partner province that forwarded the application to us (we decided the record); null: filed here. */
  originPartner: string | null;
  /** The partner's reference of a forwarded-in application (one application per partner and reference). */
  originReference: string | null;
}

export type NewRepairApplication = Omit<
  RepairApplicationRow,
  'decidedBy' | 'decidedAt' | 'decisionReason' | 'revokedBy' | 'revokedAt' | 'revocationReason' | 'reapplyBarredUntil'
>;

const COLUMNS = `id, target_kind AS "targetKind", record_id AS "recordId", list_entry_id AS "listEntryId", record_type AS "recordType", subject_kind AS "subjectKind", subject_id AS "subjectId",
  deciding_region AS "decidingRegion", severity, to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate", mode, commitment, evidence,
  status, applied_by AS "appliedBy", applied_at AS "appliedAt", to_char(decision_due_on, 'YYYY-MM-DD') AS "decisionDueOn",
  decided_by AS "decidedBy", decided_at AS "decidedAt", decision_reason AS "decisionReason",
  revoked_by AS "revokedBy", revoked_at AS "revokedAt", revocation_reason AS "revocationReason",
  to_char(reapply_barred_until, 'YYYY-MM-DD') AS "reapplyBarredUntil", fine_payment AS "finePayment",
  forwarded_to AS "forwardedTo", origin_partner AS "originPartner", origin_reference AS "originReference"`;

/**
 * A forwarded application due to be sent to its partner province, or its answer asked for (ADR
 * 0084); or an approval the partner gave, due to be asked whether it was revoked (ADR 0088).
 */
export interface DueForward {
  applicationId: string;
  /** forwarded (sent or answer awaited) | approved (watched for a revocation) */
  status: string;
  /** record | list-entry */
  targetKind: string;
  /** The record's or entry's id at the partner: the reference it pushed or published it under. */
  target: string;
  subjectKind: string;
  subjectId: string;
  subjectName: string;
  commitment: string;
  evidence: string[];
  /** Empty until the partner accepted it. */
  partnerApplicationId: string;
  attempts: number;
}

/** Routed to a partner and not done with it: forwarded, or approved by it and still watched for a revocation (ADR 0088). */
const ROUTED_OPEN = `(a.status = 'forwarded' OR (a.status = 'approved' AND a.revocation_watch_until > now()))`;

/** Repair applications (SQL). */
export const RepairApplicationsRepository = {
  /**
   * Stores a new (pending or forwarded) application; false when one for the target is pending,
   * forwarded or approved already, or the partner's reference was used before (nothing written).
   */
  async insert(manager: EntityManager, a: NewRepairApplication): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO repair_applications (id, record_id, record_type, subject_kind, subject_id, deciding_region, severity, decision_date, mode,
         commitment, evidence, status, applied_by, applied_at, decision_due_on, target_kind, list_entry_id, fine_payment,
         forwarded_to, origin_partner, origin_reference, next_forward_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $18, $12, $13, $14, $15, $16, $17, $19, $20, $21, CASE WHEN $19::text IS NULL THEN NULL ELSE $13::timestamptz END)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        a.id,
        a.recordId,
        a.recordType,
        a.subjectKind,
        a.subjectId,
        a.decidingRegion,
        a.severity,
        a.decisionDate,
        a.mode,
        a.commitment,
        JSON.stringify(a.evidence),
        a.appliedBy,
        a.appliedAt,
        a.decisionDueOn,
        a.targetKind,
        a.listEntryId,
        a.finePayment ? JSON.stringify(a.finePayment) : null,
        a.status,
        a.forwardedTo,
        a.originPartner,
        a.originReference,
      ],
    );
    return rows.length > 0;
  },

  /**
   * Applications routed to `partner` whose next step is due, oldest first: forwarded ones (send or
   * answer check) and approvals it gave that are still watched for a revocation (ADR 0088).
   */
  async forwardsDue(manager: EntityManager, partner: string, now: Date, limit: number): Promise<DueForward[]> {
    return manager.query(
      `SELECT a.id AS "applicationId", a.status, a.target_kind AS "targetKind",
              coalesce(r.partner_source_reference, e.partner_source_reference) AS target, a.subject_kind AS "subjectKind", a.subject_id AS "subjectId",
              coalesce(r.subject_name, e.subject_name) AS "subjectName", a.commitment, a.evidence,
              coalesce(a.partner_application_id, '') AS "partnerApplicationId", a.forward_attempts AS attempts
         FROM repair_applications a
         LEFT JOIN repair_records r ON r.record_id = a.record_id
         LEFT JOIN repair_list_entries e ON e.entry_id = a.list_entry_id
        WHERE ${ROUTED_OPEN} AND a.forwarded_to = $1 AND a.next_forward_at <= $2
        ORDER BY a.next_forward_at, a.id LIMIT $3`,
      [partner, now, limit],
    );
  },

  /**
   * Notes a send, an answer check or a revocation check: success (the partner's id, the attempts
   * reset) or failure (one more attempt, the error kept); either way when it is next due. Only
   * while still forwarded, or approved and watched.
   */
  async noteForward(
    manager: EntityManager,
    id: string,
    progress: { partnerApplicationId: string | null; failure: string | null; nextAt: Date },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE repair_applications a
          SET partner_application_id = coalesce($2, partner_application_id), next_forward_at = $4, last_forward_error = $3,
              forward_attempts = CASE WHEN $3::text IS NULL THEN 0 ELSE forward_attempts + 1 END
        WHERE id = $1 AND ${ROUTED_OPEN} RETURNING id`,
      [id, progress.partnerApplicationId, progress.failure, progress.nextAt],
    );
    return rows.length > 0;
  },

  /**
   * The partner's approval came back: watched for its revocation until `until` (null: not watched);
   * due at once unless the forwarder notes when it asks next (one watch interval on).
   */
  async watchRevocation(manager: EntityManager, id: string, until: Date | null): Promise<void> {
    await manager.query(`UPDATE repair_applications SET revocation_watch_until = $2, next_forward_at = now(), forward_attempts = 0 WHERE id = $1`, [id, until]);
  },

  /** The application a partner forwarded under its reference, if any. */
  async findByOrigin(manager: EntityManager, partner: string, reference: string): Promise<RepairApplicationRow | undefined> {
    const [row]: RepairApplicationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM repair_applications WHERE origin_partner = $1 AND origin_reference = $2`,
      [partner, reference],
    );
    return row;
  },

  async find(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<RepairApplicationRow | undefined> {
    const [row]: RepairApplicationRow[] = await manager.query(`SELECT ${COLUMNS} FROM repair_applications WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return row;
  },

  /**
   * Applications whose deciding region matches `regionPattern` (a LIKE pattern), and those
   * `appliedBy` filed that were routed to a partner, by status (all when null), oldest due first.
   */
  async list(manager: EntityManager, regionPattern: string, appliedBy: string, status: RepairApplicationStatus | null): Promise<RepairApplicationRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM repair_applications
        WHERE (deciding_region LIKE $1 OR (forwarded_to IS NOT NULL AND applied_by = $3)) AND ($2::text IS NULL OR status = $2)
        ORDER BY decision_due_on, applied_at, id LIMIT 1000`,
      [regionPattern, status, appliedBy],
    );
  },

  async pendingForRecords(manager: EntityManager, recordIds: readonly string[]): Promise<Set<string>> {
    const rows: { recordId: string }[] = await manager.query(
      `SELECT record_id AS "recordId" FROM repair_applications WHERE record_id = ANY($1::uuid[]) AND status IN ('pending', 'forwarded')`,
      [recordIds],
    );
    return new Set(rows.map((r) => r.recordId));
  },

  async decide(manager: EntityManager, id: string, d: { outcome: RepairOutcome; reason: string; decidedBy: string; decidedAt: Date }): Promise<void> {
    await manager.query(`UPDATE repair_applications SET status = $2, decision_reason = $3, decided_by = $4, decided_at = $5 WHERE id = $1`, [
      id,
      d.outcome,
      d.reason,
      d.decidedBy,
      d.decidedAt,
    ]);
  },
  async revoke(manager: EntityManager, id: string, r: { reason: string; revokedBy: string; revokedAt: Date; barredUntil: string }): Promise<void> {
    await manager.query(
      `UPDATE repair_applications SET status = 'revoked', revocation_reason = $2, revoked_by = $3, revoked_at = $4, reapply_barred_until = $5 WHERE id = $1`,
      [id, r.reason, r.revokedBy, r.revokedAt, r.barredUntil],
    );
  },

  /** The last day the subject may not apply again after a revoked repair (the latest bar), or null. */
  async reapplyBarredUntil(manager: EntityManager, subjectId: string): Promise<string | null> {
    const [row]: { until: string | null }[] = await manager.query(
      `SELECT to_char(max(reapply_barred_until), 'YYYY-MM-DD') AS until FROM repair_applications WHERE subject_id = $1 AND status = 'revoked'`,
      [subjectId],
    );
    return row?.until ?? null;
  },
};
