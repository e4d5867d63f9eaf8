import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grade appeals (信用评价申诉/复核, ADR 0054): one row per appeal against a subject's result under a
 * scheme in a cycle — its current standing, or (cycle_id) the result a completed close published. At most one open appeal per subject, scheme and cycle (partial unique index);
 * an upheld appeal's disregarded records stay out of the subject's grading under the scheme.
 */
export class GradeAppeals1763700002400 implements MigrationInterface {
  name = 'GradeAppeals1763700002400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE grade_appeals (
         id uuid PRIMARY KEY,
         subject_id text NOT NULL,
         subject_kind text NOT NULL,
         scheme_id text NOT NULL,
         scheme_version integer NOT NULL,
         cycle_id uuid,
         region text NOT NULL,
         cycle_label text NOT NULL,
         cycle_start date NOT NULL,
         cycle_end date NOT NULL,
         grade text NOT NULL,
         score double precision NOT NULL,
         status text NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
         reason text NOT NULL,
         evidence jsonb NOT NULL DEFAULT '[]',
         opened_by text NOT NULL,
         opened_at timestamptz NOT NULL,
         decision_due_by timestamptz NOT NULL,
         decided_by text,
         decided_at timestamptz,
         decision_reason text,
         disregarded_record_ids uuid[] NOT NULL DEFAULT '{}',
         regraded_grade text,
         regraded_score double precision
       )`,
    );
    await runner.query(`CREATE UNIQUE INDEX grade_appeals_one_open ON grade_appeals (subject_id, scheme_id, cycle_label) WHERE status = 'open'`);
    await runner.query(`CREATE INDEX grade_appeals_by_subject ON grade_appeals (subject_id, scheme_id, opened_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE grade_appeals`);
  }
}
