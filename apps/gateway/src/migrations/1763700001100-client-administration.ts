import { MigrationInterface, QueryRunner } from 'typeorm';

/** Client administration (ADR 0041): when a secret was last set and when a client was disabled. */
export class GatewayClientAdministration1763700001100 implements MigrationInterface {
  name = 'GatewayClientAdministration1763700001100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE clients ADD COLUMN secret_set_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN disabled_at timestamptz`);
    await runner.query(`UPDATE clients SET secret_set_at = created_at, disabled_at = CASE WHEN disabled THEN now() END`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE clients DROP COLUMN disabled_at, DROP COLUMN secret_set_at`);
  }
}
