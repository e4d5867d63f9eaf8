import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint measures' copy of the subject registry's vessels (`credit.registry.vessels.changed`,
 * ADR 0052): the candidates of a screening run, so a registered ship with no record is screened
 * (and reported with the criteria it misses) too. Upserted on `revision` (higher wins).
 */
export class RegistryVessels1763700002200 implements MigrationInterface {
  name = 'RegistryVessels1763700002200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry_vessels (
      vessel_id text PRIMARY KEY,
      name text NOT NULL,
      region text NOT NULL,
      active boolean NOT NULL,
      revision bigint NOT NULL,
      changed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX registry_vessels_region ON registry_vessels (region) WHERE active`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry_vessels`);
  }
}
