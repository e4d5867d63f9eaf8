import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A completed close of the cycle before the current one regrades the subjects it graded, so the
 * carry-over reaches their live standings at once (docs/evaluation.md "Carry-over"): a standing
 * refresh caused by a close (`cycle_id`), one per close, worked through that close's results in
 * chunks. A scheme version still has at most one publish refresh (`cycle_id` null).
 */
export class CloseRefreshes1763700003200 implements MigrationInterface {
  name = 'CloseRefreshes1763700003200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE standing_refreshes ADD COLUMN cycle_id uuid UNIQUE REFERENCES evaluation_cycles (id)`);
    await runner.query(`ALTER TABLE standing_refreshes DROP CONSTRAINT standing_refreshes_scheme_id_scheme_version_key`);
    await runner.query(`CREATE UNIQUE INDEX standing_refreshes_publish_key ON standing_refreshes (scheme_id, scheme_version) WHERE cycle_id IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM standing_refreshes WHERE cycle_id IS NOT NULL`);
    await runner.query(`DROP INDEX standing_refreshes_publish_key`);
    await runner.query(`ALTER TABLE standing_refreshes ADD CONSTRAINT standing_refreshes_scheme_id_scheme_version_key UNIQUE (scheme_id, scheme_version)`);
    await runner.query(`ALTER TABLE standing_refreshes DROP COLUMN cycle_id`);
  }
}
