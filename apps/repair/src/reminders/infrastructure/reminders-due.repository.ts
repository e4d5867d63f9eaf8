import type { EntityManager } from 'typeorm';
import type { RepairRecord } from '../../records/domain/repair-record';

const COLUMNS = `r.record_id AS "recordId", r.record_type AS "recordType", r.subject_kind AS "subjectKind", r.subject_id AS "subjectId",
  r.subject_name AS "subjectName", r.region, r.severity, to_char(r.decision_date, 'YYYY-MM-DD') AS "decisionDate",
  r.document_number AS "documentNumber", to_char(r.publicity_ends_on, 'YYYY-MM-DD') AS "publicityEndsOn", r.payload, r.status, r.version,
  r.changed_at AS "changedAt"`;

/** Records due a reminder and the reminders sent (SQL). */
export const RemindersDueRepository = {
  /**
   * In-force records of the given types with no reminder sent whose minimum period (months by
   * severity from the decision date) ended before `today`, oldest first, locked (SKIP LOCKED: safe
   * with several replicas). The caller confirms each with the rules.
   */
  async lockDue(
    manager: EntityManager,
    today: string,
    recordTypes: readonly string[],
    minMonths: { minor: number; general: number; severe: number },
    limit: number,
  ): Promise<RepairRecord[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM repair_records r
        WHERE r.status IN ('active', 'corrected', 'under-objection') AND r.record_type = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM repair_reminders_sent s WHERE s.record_id = r.record_id)
          AND r.decision_date + make_interval(months => CASE r.severity WHEN 'minor' THEN $3::int WHEN 'general' THEN $4::int ELSE $5::int END) < $1::date
        ORDER BY r.decision_date, r.record_id LIMIT $6 FOR UPDATE OF r SKIP LOCKED`,
      [today, recordTypes, minMonths.minor, minMonths.general, minMonths.severe, limit],
    );
  },

  /** Marks the record reminded; false when it already was (nothing sent twice). */
  async markSent(manager: EntityManager, recordId: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO repair_reminders_sent (record_id, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING record_id`,
      [recordId, at],
    );
    return rows.length > 0;
  },
};
