import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkpoint inspections (issue 18 item 7): each inspection with its verdict and mismatches, keyed by
 * its episode (checkpoint, vehicle, time) so a re-sent inspection is stored and announced once; and
 * the permits found by tractor plate when the checkpoint reads no permit number.
 */
export class CheckpointInspections1763700003400 implements MigrationInterface {
  name = 'CheckpointInspections1763700003400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE checkpoint_inspections (
      episode_id text PRIMARY KEY,
      inspection_id uuid NOT NULL UNIQUE,
      outcome text NOT NULL CHECK (outcome IN ('pass', 'refuse')),
      permit_no text,
      tractor_plate text NOT NULL,
      checkpoint jsonb NOT NULL,
      measured jsonb NOT NULL,
      mismatches jsonb NOT NULL,
      inspected_at timestamptz NOT NULL,
      client_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX permits_tractor_plate ON permits ((vehicle->>'tractorPlate'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX permits_tractor_plate`);
    await runner.query(`DROP TABLE checkpoint_inspections`);
  }
}
