import type { EntityManager } from 'typeorm';
import { runUpdate } from '@platform/database';

/** A partner's grade as stored (migration PartnerGrades). */
export interface StoredPartnerGrade {
  partnerRegion: string;
  partnerName: string;
  schemeId: string;
  schemeName: string;
  changeId: string;
  subjectId: string;
  subjectName: string;
  grade: string;
  gradeLabel: string;
  cycle: string;
  evaluatedAt: string;
  version: number;
  status: 'applied' | 'not-applied' | 'withdrawn';
  agreement: string;
  recognitionOutcome: 'applied' | 'not-applied';
  recognitionReason: string;
  recognitionTableId: string | null;
  receivedAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

export type PartnerGradeWrite = Omit<StoredPartnerGrade, 'receivedAt' | 'updatedAt' | 'withdrawnAt' | 'withdrawalReason'>;

const COLUMNS = `partner_region AS "partnerRegion", partner_name AS "partnerName", partner_scheme_id AS "schemeId",
  partner_scheme_name AS "schemeName", change_id AS "changeId", subject_id AS "subjectId", subject_name AS "subjectName", grade,
  grade_label AS "gradeLabel", cycle, to_json(evaluated_at) #>> '{}' AS "evaluatedAt", version, status, agreement,
  recognition_outcome AS "recognitionOutcome", recognition_reason AS "recognitionReason", recognition_table_id AS "recognitionTableId",
  to_json(received_at) #>> '{}' AS "receivedAt", to_json(updated_at) #>> '{}' AS "updatedAt",
  to_json(withdrawn_at) #>> '{}' AS "withdrawnAt", withdrawal_reason AS "withdrawalReason"`;

/** Partner grades: stored and withdrawn only over an older version of the same partner, scheme and subject. */
export const partnerGrades = {
  /** Stores the grade as in force (applied or not), over an older version only; answers the row written, or undefined when a newer one is held. */
  async putInForce(manager: EntityManager, g: PartnerGradeWrite): Promise<StoredPartnerGrade | undefined> {
    const rows: StoredPartnerGrade[] = await manager.query(
      `INSERT INTO partner_grades AS p (partner_region, partner_scheme_id, subject_id, subject_name, partner_name, partner_scheme_name, grade, grade_label,
                                       cycle, evaluated_at, version, change_id, status, agreement, recognition_outcome, recognition_reason, recognition_table_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (partner_region, partner_scheme_id, subject_id) DO UPDATE
         SET subject_name = EXCLUDED.subject_name, partner_name = EXCLUDED.partner_name, partner_scheme_name = EXCLUDED.partner_scheme_name,
             grade = EXCLUDED.grade, grade_label = EXCLUDED.grade_label, cycle = EXCLUDED.cycle, evaluated_at = EXCLUDED.evaluated_at,
             version = EXCLUDED.version, change_id = EXCLUDED.change_id, status = EXCLUDED.status, agreement = EXCLUDED.agreement,
             recognition_outcome = EXCLUDED.recognition_outcome, recognition_reason = EXCLUDED.recognition_reason,
             recognition_table_id = EXCLUDED.recognition_table_id, updated_at = now(), withdrawn_at = NULL, withdrawal_reason = NULL
         WHERE p.version < EXCLUDED.version
       RETURNING ${COLUMNS}`,
      [
        g.partnerRegion,
        g.schemeId,
        g.subjectId,
        g.subjectName,
        g.partnerName,
        g.schemeName,
        g.grade,
        g.gradeLabel,
        g.cycle,
        g.evaluatedAt,
        g.version,
        g.changeId,
        g.status,
        g.agreement,
        g.recognitionOutcome,
        g.recognitionReason,
        g.recognitionTableId,
      ],
    );
    return rows[0];
  },

  /** Withdraws the grade held, over an older version only; answers the row written, or undefined when none older is held. */
  async withdraw(
    manager: EntityManager,
    key: { partnerRegion: string; schemeId: string; subjectId: string },
    change: { version: number; changeId: string; withdrawnAt: string; reason: string },
  ): Promise<StoredPartnerGrade | undefined> {
    const { rows } = await runUpdate<StoredPartnerGrade>(
      manager,
      `UPDATE partner_grades SET status = 'withdrawn', version = $4, change_id = $5, withdrawn_at = $6, withdrawal_reason = $7, updated_at = now()
        WHERE partner_region = $1 AND partner_scheme_id = $2 AND subject_id = $3 AND version < $4
        RETURNING ${COLUMNS}`,
      [key.partnerRegion, key.schemeId, key.subjectId, change.version, change.changeId, change.withdrawnAt, change.reason],
    );
    return rows[0];
  },

  /**
   * Serialises writers of one partner grade until the transaction ends, so what was held before a
   * write (which decides whether it is announced as no longer recognised, ADR 0090) is read after
   * any concurrent write of it has committed.
   */
  async lock(manager: EntityManager, key: { partnerRegion: string; schemeId: string; subjectId: string }): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('partner-grade:' || $1 || ':' || $2 || ':' || $3, 0))`, [
      key.partnerRegion,
      key.schemeId,
      key.subjectId,
    ]);
  },

  async of(manager: EntityManager, key: { partnerRegion: string; schemeId: string; subjectId: string }): Promise<StoredPartnerGrade | undefined> {
    const rows: StoredPartnerGrade[] = await manager.query(
      `SELECT ${COLUMNS} FROM partner_grades WHERE partner_region = $1 AND partner_scheme_id = $2 AND subject_id = $3`,
      [key.partnerRegion, key.schemeId, key.subjectId],
    );
    return rows[0];
  },

  async ofSubject(manager: EntityManager, subjectId: string): Promise<StoredPartnerGrade[]> {
    return manager.query(`SELECT ${COLUMNS} FROM partner_grades WHERE subject_id = $1 ORDER BY partner_region, partner_scheme_id`, [subjectId]);
  },
};
