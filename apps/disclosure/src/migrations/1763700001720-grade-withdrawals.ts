import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A grade evaluation withdrew (`evaluation.grade.withdrawn`: the scheme no longer grades the
 * enterprise, ADR 0046) leaves the public profile. The row stays as a tombstone with the instant
 * and reason of the withdrawal, so a `grade.changed` evaluated before it and delivered after it
 * (a separate consumer) cannot bring the grade back; one evaluated after it grades the enterprise
 * again and clears the tombstone.
 */
export class GradeWithdrawals1763700001720 implements MigrationInterface {
  name = 'GradeWithdrawals1763700001720';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_grades ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawal_reason text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM public_grades WHERE withdrawn_at IS NOT NULL`);
    await runner.query(`ALTER TABLE public_grades DROP COLUMN withdrawn_at, DROP COLUMN withdrawal_reason`);
  }
}
