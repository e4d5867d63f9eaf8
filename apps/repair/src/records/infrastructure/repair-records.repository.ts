import type { EntityManager } from 'typeorm';
import type { RepairRecord } from '../domain/repair-record';

const COLUMNS = `record_id AS "recordId", record_type AS "recordType", subject_kind AS "subjectKind", subject_id AS "subjectId",
  subject_name AS "subjectName", region, severity, to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate",
  document_number AS "documentNumber", to_char(publicity_ends_on, 'YYYY-MM-DD') AS "publicityEndsOn", payload, status, version,
  changed_at AS "changedAt",
  CASE WHEN partner_region IS NULL THEN NULL
       ELSE json_build_object('region', partner_region, 'sourceReference', partner_source_reference, 'agreement', partner_agreement) END AS partner`;

/** Repair's copy of the credit records (SQL; one row per record). */
export const RepairRecordsRepository = {
  /**
   * Inserts or replaces the copy unless the held version is newer (redelivery and reordering change
   * nothing). A partner's provenance comes only with `credit.records.created`: an update without it
   * keeps the one held.
   */
  async upsert(manager: EntityManager, r: RepairRecord): Promise<void> {
    await manager.query(
      `INSERT INTO repair_records (record_id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date,
         document_number, publicity_ends_on, payload, status, version, changed_at, partner_region, partner_source_reference, partner_agreement)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (record_id) DO UPDATE SET record_type = EXCLUDED.record_type, subject_kind = EXCLUDED.subject_kind,
         subject_id = EXCLUDED.subject_id, subject_name = EXCLUDED.subject_name, region = EXCLUDED.region, severity = EXCLUDED.severity,
         decision_date = EXCLUDED.decision_date, document_number = EXCLUDED.document_number, publicity_ends_on = EXCLUDED.publicity_ends_on,
         payload = EXCLUDED.payload, status = EXCLUDED.status, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at,
         partner_region = COALESCE(EXCLUDED.partner_region, repair_records.partner_region),
         partner_source_reference = COALESCE(EXCLUDED.partner_source_reference, repair_records.partner_source_reference),
         partner_agreement = COALESCE(EXCLUDED.partner_agreement, repair_records.partner_agreement)
       WHERE repair_records.version <= EXCLUDED.version`,
      [
        r.recordId,
        r.recordType,
        r.subjectKind,
        r.subjectId,
        r.subjectName,
        r.region,
        r.severity,
        r.decisionDate,
        r.documentNumber,
        r.publicityEndsOn,
        JSON.stringify(r.payload),
        r.status,
        r.version,
        r.changedAt,
        r.partner?.region ?? null,
        r.partner?.sourceReference ?? null,
        r.partner?.agreement ?? null,
      ],
    );
  },

  /** Marks the copy ended (revoked, expired) unless a newer version is held. */
  async end(manager: EntityManager, recordId: string, status: 'revoked' | 'expired', version: number, changedAt: string): Promise<void> {
    await manager.query(`UPDATE repair_records SET status = $2, version = $3, changed_at = $4 WHERE record_id = $1 AND version <= $3`, [
      recordId,
      status,
      version,
      changedAt,
    ]);
  },

  async find(manager: EntityManager, recordId: string): Promise<RepairRecord | undefined> {
    const [row]: RepairRecord[] = await manager.query(`SELECT ${COLUMNS} FROM repair_records WHERE record_id = $1`, [recordId]);
    return row;
  },

  async ofSubject(manager: EntityManager, subjectId: string): Promise<RepairRecord[]> {
    return manager.query(`SELECT ${COLUMNS} FROM repair_records WHERE subject_id = $1 ORDER BY decision_date, record_id`, [subjectId]);
  },

  /** The subject's `fine-payment` records naming the penalty's document number (any status: the check decides). */
  async finePayments(manager: EntityManager, subjectId: string, penaltyDocumentNumber: string): Promise<RepairRecord[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM repair_records WHERE record_type = 'fine-payment' AND subject_id = $1 AND payload->>'penaltyDocumentNumber' = $2 ORDER BY record_id`,
      [subjectId, penaltyDocumentNumber],
    );
  },
};
