import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accepting authority's decision on an application (issue or refuse, with the reason) and the
 * permits issued: numbered per origin province and year from one sequence, with the vehicle, route,
 * dimensions and window the permit allows.
 */
export class Permits1763700003010 implements MigrationInterface {
  name = 'Permits1763700003010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE permit_applications
      ADD COLUMN decision text CHECK (decision IN ('issued', 'refused')),
      ADD COLUMN decision_reason text,
      ADD COLUMN decided_by text,
      ADD COLUMN decided_at timestamptz`);
    await runner.query(`CREATE SEQUENCE permit_numbers`);
    await runner.query(`CREATE TABLE permits (
      permit_no text PRIMARY KEY,
      application_id uuid NOT NULL UNIQUE REFERENCES permit_applications (id),
      region text NOT NULL,
      carrier_uscc text NOT NULL,
      carrier_name text NOT NULL,
      permit_class text NOT NULL CHECK (permit_class IN ('I', 'II', 'III')),
      vehicle jsonb NOT NULL,
      route jsonb NOT NULL,
      dimensions jsonb NOT NULL,
      valid_from date NOT NULL,
      valid_until date NOT NULL,
      trips text NOT NULL,
      issued_at timestamptz NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE permits`);
    await runner.query(`DROP SEQUENCE permit_numbers`);
    await runner.query(`ALTER TABLE permit_applications DROP COLUMN decision, DROP COLUMN decision_reason, DROP COLUMN decided_by, DROP COLUMN decided_at`);
  }
}
