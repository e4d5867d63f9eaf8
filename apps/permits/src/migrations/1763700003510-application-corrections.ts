import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an application was accepted (《行政许可法》第三十二条: on receipt of complete materials, so a
 * deficient one on the day its correction completes it; the decision deadline counts from then).
 * Applications accepted at submission were accepted the day they were received.
 */
export class ApplicationCorrections1763700003510 implements MigrationInterface {
  name = 'ApplicationCorrections1763700003510';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE permit_applications ADD COLUMN accepted_on date, ADD COLUMN corrected_at timestamptz`);
    await runner.query(`UPDATE permit_applications SET accepted_on = received_on WHERE status = 'accepted'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE permit_applications DROP COLUMN accepted_on, DROP COLUMN corrected_at`);
  }
}
