import { EntityManager } from 'typeorm';
import type { AppealOutcome, AppealStatus } from '../domain/appeal';

/** One stored appeal (ADR 0054). */
export interface GradeAppealRow {
  id: string;
  subjectId: string;
  subjectKind: 'org' | 'person' | 'vehicle' | 'vessel';
  schemeId: string;
  schemeVersion: number;
  /** The close whose published result is contested; null when the current standing is. */
  cycleId: string | null;
  region: string;
  cycleLabel: string;
  /** The contested cycle's first and last day (YYYY-MM-DD, inclusive). */
  cycleStart: string;
  cycleEnd: string;
  grade: string;
  score: number;
  status: AppealStatus;
  reason: string;
  evidence: string[];
  openedBy: string;
  openedAt: Date;
  decisionDueBy: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  disregardedRecordIds: string[];
  regradedGrade: string | null;
  regradedScore: number | null;
}

const COLUMNS = `id, subject_id AS "subjectId", subject_kind AS "subjectKind", scheme_id AS "schemeId", scheme_version AS "schemeVersion",
  cycle_id AS "cycleId", region, cycle_label AS "cycleLabel", to_char(cycle_start, 'YYYY-MM-DD') AS "cycleStart", to_char(cycle_end, 'YYYY-MM-DD') AS "cycleEnd", grade, score, status, reason, evidence, opened_by AS "openedBy", opened_at AS "openedAt",
  decision_due_by AS "decisionDueBy", decided_by AS "decidedBy", decided_at AS "decidedAt", decision_reason AS "decisionReason",
  disregarded_record_ids::text[] AS "disregardedRecordIds", regraded_grade AS "regradedGrade", regraded_score AS "regradedScore"`;

export type NewGradeAppeal = Omit<
  GradeAppealRow,
  'status' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'disregardedRecordIds' | 'regradedGrade' | 'regradedScore'
>;

export interface AppealDecision {
  outcome: AppealOutcome;
  reason: string;
  decidedBy: string;
  decidedAt: Date;
  disregardedRecordIds: string[];
}

export const GradeAppealsRepository = {
  /** The regions the scheme's version in force grades (empty when no version is in force). */
  async schemeRegions(manager: EntityManager, schemeId: string): Promise<string[]> {
    const [row]: { regions: string[] | null }[] = await manager.query(
      `SELECT document->'regions' AS regions FROM scheme_versions WHERE scheme_id = $1 AND status = 'active'`,
      [schemeId],
    );
    return row?.regions ?? [];
  },

  /** Ids of `recordIds` that are the subject's records decided inside [start, end] (the records a cycle's result can count). */
  async recordsInCycle(manager: EntityManager, subjectId: string, recordIds: readonly string[], start: string, end: string): Promise<Set<string>> {
    const rows: { record_id: string }[] = await manager.query(
      `SELECT record_id::text AS record_id FROM subject_records
        WHERE subject_id = $1 AND record_id = ANY($2::uuid[]) AND decision_date BETWEEN $3::date AND $4::date`,
      [subjectId, recordIds, start, end],
    );
    return new Set(rows.map((r) => r.record_id));
  },

  /** Stores an open appeal; false when one is already open for the subject, scheme and cycle (the partial unique index). */
  async insertOpen(manager: EntityManager, appeal: NewGradeAppeal): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO grade_appeals (id, subject_id, subject_kind, scheme_id, scheme_version, region, cycle_label, cycle_start, cycle_end, grade, score, status,
                                  reason, evidence, opened_by, opened_at, decision_due_by, cycle_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $13, $14, $15, $16, $17)
       ON CONFLICT (subject_id, scheme_id, cycle_label) WHERE status = 'open' DO NOTHING
       RETURNING id`,
      [
        appeal.id,
        appeal.subjectId,
        appeal.subjectKind,
        appeal.schemeId,
        appeal.schemeVersion,
        appeal.region,
        appeal.cycleLabel,
        appeal.cycleStart,
        appeal.cycleEnd,
        appeal.grade,
        appeal.score,
        appeal.reason,
        JSON.stringify(appeal.evidence),
        appeal.openedBy,
        appeal.openedAt,
        appeal.decisionDueBy,
        appeal.cycleId,
      ],
    );
    return rows.length === 1;
  },

  async find(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<GradeAppealRow | undefined> {
    const [row]: GradeAppealRow[] = await manager.query(`SELECT ${COLUMNS} FROM grade_appeals WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  },

  async decide(manager: EntityManager, id: string, decision: AppealDecision): Promise<void> {
    await manager.query(
      `UPDATE grade_appeals SET status = $2, decision_reason = $3, decided_by = $4, decided_at = $5, disregarded_record_ids = $6::uuid[] WHERE id = $1`,
      [id, decision.outcome, decision.reason, decision.decidedBy, decision.decidedAt, decision.disregardedRecordIds],
    );
  },

  async setRegraded(manager: EntityManager, id: string, grade: string, score: number): Promise<void> {
    await manager.query(`UPDATE grade_appeals SET regraded_grade = $2, regraded_score = $3 WHERE id = $1`, [id, grade, score]);
  },

  /** The latest appeal per scheme against the subject's results (for marking the grade under appeal). */
  async latestBySchemeOf(manager: EntityManager, subjectId: string): Promise<Map<string, GradeAppealRow>> {
    const rows: GradeAppealRow[] = await manager.query(
      `SELECT DISTINCT ON (scheme_id) ${COLUMNS} FROM grade_appeals WHERE subject_id = $1 ORDER BY scheme_id, opened_at DESC`,
      [subjectId],
    );
    return new Map(rows.map((r) => [r.schemeId, r]));
  },

  /**
   * Records upheld appeals disregard, per subject and scheme, as decided by `at` (ADR 0054): the
   * standing calculation leaves them out under that scheme only.
   */
  async disregardedRecords(manager: EntityManager, subjectIds: readonly string[], at: Date): Promise<Map<string, Map<string, Set<string>>>> {
    const rows: { subject_id: string; scheme_id: string; record_id: string }[] = await manager.query(
      `SELECT subject_id, scheme_id, unnest(disregarded_record_ids)::text AS record_id
         FROM grade_appeals WHERE subject_id = ANY($1::text[]) AND status = 'upheld' AND decided_at <= $2`,
      [subjectIds, at],
    );
    const bySubject = new Map<string, Map<string, Set<string>>>();
    for (const row of rows) {
      const bySchemes = bySubject.get(row.subject_id) ?? new Map<string, Set<string>>();
      bySubject.set(row.subject_id, bySchemes);
      const records = bySchemes.get(row.scheme_id) ?? new Set<string>();
      bySchemes.set(row.scheme_id, records);
      records.add(row.record_id);
    }
    return bySubject;
  },
};
