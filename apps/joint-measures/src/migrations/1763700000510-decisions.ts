import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every decision the decision API answered, so "why was this carrier denied that day" can be answered later. */
export class Decisions1763700000510 implements MigrationInterface {
  name = 'Decisions1763700000510';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE decisions (
      id uuid PRIMARY KEY,
      subject_id text NOT NULL,
      scene text NOT NULL,
      region text NOT NULL,
      sector text NOT NULL DEFAULT '',
      outcome text NOT NULL CHECK (outcome IN ('allow', 'deny', 'conditional')),
      measures jsonb NOT NULL,
      reasons jsonb NOT NULL,
      asked_by text NOT NULL,
      decided_at timestamptz NOT NULL,
      decided_on date NOT NULL
    )`);
    await runner.query(`CREATE INDEX decisions_subject ON decisions (subject_id, decided_at DESC)`);
    // The monthly report of measures applied per unit (DOMAIN.md §4) reads by region and month.
    await runner.query(`CREATE INDEX decisions_region_day ON decisions (region, decided_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE decisions`);
  }
}
