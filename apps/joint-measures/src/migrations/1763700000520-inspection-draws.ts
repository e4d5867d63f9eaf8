import { MigrationInterface, QueryRunner } from 'typeorm';

/** Random inspection draws, kept with their seed, algorithm and pool so anyone can re-run them. */
export class InspectionDraws1763700000520 implements MigrationInterface {
  name = 'InspectionDraws1763700000520';

  async up(runner: QueryRunner): Promise<void> {
    // The region of the subject the grade was given in: draws pool subjects by place.
    await runner.query(`ALTER TABLE subject_grades ADD COLUMN region text NOT NULL DEFAULT ''`);
    await runner.query(`CREATE INDEX subject_grades_scheme ON subject_grades (scheme_id, region)`);
    await runner.query(`CREATE TABLE inspection_draws (
      id uuid PRIMARY KEY,
      plan_id text NOT NULL,
      region text NOT NULL,
      sector text NOT NULL,
      seed integer NOT NULL,
      algorithm text NOT NULL,
      pool jsonb NOT NULL,
      drawn jsonb NOT NULL,
      drawn_by text NOT NULL,
      drawn_at timestamptz NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE inspection_draws`);
    await runner.query(`DROP INDEX subject_grades_scheme`);
    await runner.query(`ALTER TABLE subject_grades DROP COLUMN region`);
  }
}
