import { EntityManager } from 'typeorm';
import type { SubjectKind } from '@domain/credit';
import type { ScopedRecordFact } from '../../engine/domain/standing';

export interface StoredRecord {
  recordId: string;
  subjectId: string;
  subjectKind: string;
  region: string;
  recordType: string;
  severity: string;
  decisionDate: string;
  payload: Record<string, unknown>;
  receivedAt: string;
}

export interface SubjectHistory {
  subjectId: string;
  kind: SubjectKind;
  records: ScopedRecordFact[];
}

/** Evaluation's own copy of the records it was told about (it never reads collection's schema). */
export const SubjectRecordsRepository = {
  /** Stores a record once; a withdrawal that arrived first is applied to it. */
  async insert(manager: EntityManager, record: StoredRecord): Promise<void> {
    await manager.query(
      `INSERT INTO subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at, withdrawn_at, withdrawn_reason)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, w.withdrawn_at, w.reason
         FROM (SELECT 1) one LEFT JOIN record_withdrawals w ON w.record_id = $1
       ON CONFLICT (record_id) DO NOTHING`,
      [record.recordId, record.subjectId, record.subjectKind, record.region, record.recordType, record.severity, record.decisionDate, JSON.stringify(record.payload), record.receivedAt],
    );
  },

  /** Marks a record withdrawn from `at` on (revoked; later: expired, repaired). Idempotent: the first withdrawal wins. */
  async withdraw(manager: EntityManager, recordId: string, at: Date, reason: string): Promise<void> {
    await manager.query(`INSERT INTO record_withdrawals (record_id, withdrawn_at, reason) VALUES ($1, $2, $3) ON CONFLICT (record_id) DO NOTHING`, [recordId, at, reason]);
    await manager.query(`UPDATE subject_records SET withdrawn_at = $2, withdrawn_reason = $3 WHERE record_id = $1 AND withdrawn_at IS NULL`, [recordId, at, reason]);
  },

  async history(manager: EntityManager, subjectId: string): Promise<SubjectHistory | undefined> {
    const rows: {
      record_id: string;
      subject_kind: SubjectKind;
      region: string;
      record_type: string;
      severity: string;
      decision_date: string;
      payload: Record<string, unknown>;
      received_at: Date;
      withdrawn_at: Date | null;
    }[] = await manager.query(
      `SELECT record_id, subject_kind, region, record_type, severity, to_char(decision_date, 'YYYY-MM-DD') AS decision_date, payload, received_at, withdrawn_at
         FROM subject_records WHERE subject_id = $1 ORDER BY received_at, record_id`,
      [subjectId],
    );
    const first = rows[0];
    if (!first) return undefined;
    return {
      subjectId,
      kind: first.subject_kind,
      records: rows.map((r) => ({
        id: r.record_id,
        type: r.record_type,
        severity: r.severity,
        decisionDate: r.decision_date,
        payload: r.payload,
        region: r.region,
        receivedAt: r.received_at.toISOString(),
        withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
      })),
    };
  },
};
