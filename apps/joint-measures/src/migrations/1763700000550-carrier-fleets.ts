import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fleet sizes of carriers, as their licensing authority reports them (the number of freight
 * vehicles holding a road transport certificate, 道路运输证): the denominator of the "more than
 * 10 % of its fleet" rule (ADR 0026). The latest report per carrier counts.
 */
export class CarrierFleets1763700000550 implements MigrationInterface {
  name = 'CarrierFleets1763700000550';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE carrier_fleets (
      subject_id text PRIMARY KEY,
      vehicles integer NOT NULL CHECK (vehicles >= 0),
      as_of date NOT NULL,
      source text NOT NULL,
      reported_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE carrier_fleets`);
  }
}
