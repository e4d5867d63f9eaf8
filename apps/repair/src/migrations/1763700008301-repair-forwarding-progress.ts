import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sending a forwarded application to the partner province and fetching its answer (ADR 0084):
 * the partner's id for it once sent, the attempts that failed in a row (the backoff), when it is
 * next due (sent if not yet sent, else its answer asked for), and the last failure. The row is the
 * outbox: nothing is lost while the partner is down; it is sent again until the partner has it.
 */
export class RepairForwardingProgress1763700008301 implements MigrationInterface {
  name = 'RepairForwardingProgress1763700008301';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE repair_applications ADD COLUMN partner_application_id text, ADD COLUMN forward_attempts integer NOT NULL DEFAULT 0,
         ADD COLUMN next_forward_at timestamptz, ADD COLUMN last_forward_error text`,
    );
    await runner.query(`UPDATE repair_applications SET next_forward_at = applied_at WHERE status = 'forwarded'`);
    await runner.query(`CREATE INDEX repair_applications_forwards_due ON repair_applications (forwarded_to, next_forward_at) WHERE status = 'forwarded'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX repair_applications_forwards_due`);
    await runner.query(
      `ALTER TABLE repair_applications DROP COLUMN last_forward_error, DROP COLUMN next_forward_at, DROP COLUMN forward_attempts, DROP COLUMN partner_application_id`,
    );
  }
}
