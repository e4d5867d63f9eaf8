import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measure mappings (with the measures they name) and draw plans as versioned data (ADR 0043): each
 * upload is a new immutable version of its kind; the latest is in force. The shipped sets are
 * stored as version 1 at start when a kind has no version yet.
 */
export class ConfigurationVersions1763700001360 implements MigrationInterface {
  name = 'ConfigurationVersions1763700001360';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE configuration_versions (
      kind text NOT NULL CHECK (kind IN ('measure-mappings', 'draw-plans')),
      version integer NOT NULL,
      document jsonb NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, version)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE configuration_versions`);
  }
}
