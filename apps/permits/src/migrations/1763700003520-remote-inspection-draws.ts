import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily remote-inspection draw (issue 18 item 3): one draw per accepting region and China day
 * over that day's commitment applications, kept with its seed and pool so anyone can re-run it, and
 * each application's result (drawn or not; null until its day has been drawn).
 */
export class RemoteInspectionDraws1763700003520 implements MigrationInterface {
  name = 'RemoteInspectionDraws1763700003520';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE remote_inspection_draws (
      region text NOT NULL,
      day date NOT NULL,
      seed integer NOT NULL,
      algorithm text NOT NULL,
      percent integer NOT NULL,
      pool integer NOT NULL,
      drawn jsonb NOT NULL,
      drawn_at timestamptz NOT NULL,
      PRIMARY KEY (region, day)
    )`);
    await runner.query(`ALTER TABLE permit_applications ADD COLUMN remote_inspection_drawn boolean`);
    await runner.query(`CREATE INDEX permit_applications_undrawn ON permit_applications (received_on, region)
      WHERE path = 'commitment' AND remote_inspection_drawn IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX permit_applications_undrawn`);
    await runner.query(`ALTER TABLE permit_applications DROP COLUMN remote_inspection_drawn`);
    await runner.query(`DROP TABLE remote_inspection_draws`);
  }
}
