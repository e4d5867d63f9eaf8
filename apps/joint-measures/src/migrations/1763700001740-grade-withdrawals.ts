import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grades evaluation withdrew (`evaluation.grade.withdrawn`: the scheme no longer grades the
 * subject, ADR 0046) stop being facts: the subject's closed-cycle grades under the scheme are
 * deleted (decisions, draw pools and grade-history rules read `subject_grades`; the delete
 * notifies the decision caches through the table's trigger). `grade_withdrawals` keeps the latest
 * withdrawal per subject and scheme, so a cycle grade recorded before it and delivered after it
 * (a separate consumer) is not stored; `recorded_at` dates each cycle grade for that comparison.
 */
export class GradeWithdrawals1763700001740 implements MigrationInterface {
  name = 'GradeWithdrawals1763700001740';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE subject_grades ADD COLUMN recorded_at timestamptz`);
    await runner.query(`CREATE TABLE grade_withdrawals (
      subject_id text NOT NULL,
      scheme_id text NOT NULL,
      withdrawn_at timestamptz NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (subject_id, scheme_id)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE grade_withdrawals`);
    await runner.query(`ALTER TABLE subject_grades DROP COLUMN recorded_at`);
  }
}
