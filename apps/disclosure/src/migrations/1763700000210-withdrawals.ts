import { MigrationInterface, QueryRunner } from 'typeorm';

/** A withdrawn item leaves public view but stays in the read model with when and why (DOMAIN.md §6). */
export class Withdrawals1763700000210 implements MigrationInterface {
  name = 'Withdrawals1763700000210';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_records ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawn_reason text`);
    // Withdrawals by record id, even for records not (yet) projected: created and revoked events
    // are consumed independently, so a revocation may be handled first.
    await runner.query(`CREATE TABLE record_withdrawals (
      record_id uuid PRIMARY KEY,
      withdrawn_at timestamptz NOT NULL,
      reason text NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE record_withdrawals`);
    await runner.query(`ALTER TABLE public_records DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_reason`);
  }
}
