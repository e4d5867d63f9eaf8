import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When and how each published dishonesty record can be repaired (可修复, issue 19 item 9 / issue 21),
 * as the repair service's notice (`repair.notices.issued`) says: its own table keyed by record, so
 * a notice that arrives before its record's projection is kept and shown once the record is.
 */
export class PublicRepairNotices1763700007600 implements MigrationInterface {
  name = 'PublicRepairNotices1763700007600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE public_repair_notices (
      record_id uuid PRIMARY KEY,
      uscc char(18) NOT NULL,
      earliest_repair_date date NOT NULL,
      mode text NOT NULL,
      mode_basis text NOT NULL,
      issued_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE INDEX public_repair_notices_uscc ON public_repair_notices (uscc)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public_repair_notices`);
  }
}
