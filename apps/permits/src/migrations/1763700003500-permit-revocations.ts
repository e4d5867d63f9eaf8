import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A permit's revocation by its issuing authority (issue 18 item 9): when, why, by whom, and whether
 * the application gave false materials (which also bans the carrier for a year through joint measures).
 */
export class PermitRevocations1763700003500 implements MigrationInterface {
  name = 'PermitRevocations1763700003500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE permits
      ADD COLUMN revoked_at timestamptz,
      ADD COLUMN revocation_reason text,
      ADD COLUMN revoked_by text,
      ADD COLUMN false_materials boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT permits_revocation_complete CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE permits DROP CONSTRAINT permits_revocation_complete,
      DROP COLUMN revoked_at, DROP COLUMN revocation_reason, DROP COLUMN revoked_by, DROP COLUMN false_materials`);
  }
}
