import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scheme's name next to each public grade (issue 6: "grades with their scheme and date"),
 * from `evaluation.grade.changed`'s optional `schemeName`. Null for grades announced before names
 * travelled with them: the profile then shows the scheme id until the next grade change.
 */
export class GradeSchemeNames1763700000270 implements MigrationInterface {
  name = 'GradeSchemeNames1763700000270';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_grades ADD COLUMN scheme_name text, ADD COLUMN scheme_name_en text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_grades DROP COLUMN scheme_name, DROP COLUMN scheme_name_en`);
  }
}
