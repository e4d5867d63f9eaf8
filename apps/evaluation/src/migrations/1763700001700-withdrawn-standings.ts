import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A standing removed because its scheme no longer grades the subject (it left the scheme's
 * sectors or regions) is a change of the standing like any other: `standing_changes` keeps it,
 * with no new grade or score and the reason it was withdrawn (ADR 0046).
 */
export class WithdrawnStandings1763700001700 implements MigrationInterface {
  name = 'WithdrawnStandings1763700001700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE standing_changes ALTER COLUMN grade DROP NOT NULL, ALTER COLUMN score DROP NOT NULL, ADD COLUMN withdrawal_reason text`);
    await runner.query(
      `ALTER TABLE standing_changes ADD CONSTRAINT standing_changes_grade_or_withdrawal CHECK ((grade IS NULL) = (withdrawal_reason IS NOT NULL) AND (grade IS NULL) = (score IS NULL))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM standing_changes WHERE withdrawal_reason IS NOT NULL`);
    await runner.query(`ALTER TABLE standing_changes DROP CONSTRAINT standing_changes_grade_or_withdrawal, DROP COLUMN withdrawal_reason`);
    await runner.query(`ALTER TABLE standing_changes ALTER COLUMN grade SET NOT NULL, ALTER COLUMN score SET NOT NULL`);
  }
}
