import { MigrationInterface, QueryRunner } from 'typeorm';

/** Enterprises' current grades, one per scheme, from `evaluation.grade.changed` (DOMAIN.md §6: grades are public). */
export class PublicGrades1763700000250 implements MigrationInterface {
  name = 'PublicGrades1763700000250';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE public_grades (
      uscc char(18) NOT NULL,
      scheme_id text NOT NULL,
      scheme_version int NOT NULL,
      grade text NOT NULL,
      score numeric NOT NULL,
      cycle_label text NOT NULL,
      evaluated_at timestamptz NOT NULL,
      PRIMARY KEY (uscc, scheme_id)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public_grades`);
  }
}
