import { EntityManager } from 'typeorm';
import type { CreditRecord, RecordStatus } from '../domain/credit-record';

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export interface RecordChange {
  status: RecordStatus;
  /** What happened: revoked | objection-opened | objection-rejected | corrected | … */
  change: string;
  reason: string;
  changedBy: string;
  changedAt: Date;
  /** Corrected fields (already applied to `record` by the caller). */
  changes?: FieldChanges;
}

/**
 * Appends the next version of a record (locked by the caller) and moves the record row to it.
 * The version rows are the history and are never updated; the record row is the current state.
 */
export async function appendRecordVersion(manager: EntityManager, record: CreditRecord, change: RecordChange): Promise<CreditRecord> {
  record.status = change.status;
  record.version += 1;
  await manager.query(
    `UPDATE credit_records SET status = $2, version = $3, severity = $4, decision_date = $5, document_number = $6, subject_name = $7, payload = $8::jsonb
      WHERE id = $1`,
    [record.id, record.status, record.version, record.severity, record.decisionDate, record.documentNumber, record.subjectName, JSON.stringify(record.payload)],
  );
  await manager.query(
    `INSERT INTO credit_record_versions (record_id, version, status, change, reason, changed_at, changed_by, changes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [
      record.id,
      record.version,
      record.status,
      change.change,
      change.reason,
      change.changedAt,
      change.changedBy,
      change.changes ? JSON.stringify(change.changes) : null,
    ],
  );
  return record;
}
