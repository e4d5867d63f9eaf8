import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fine payment check an application was filed with (issue 19 item 4: verified against the
 * `fine-payment` records received, a receipt attached, or what is missing); null for list entries.
 */
export class RepairFinePaymentCheck1763700004202 implements MigrationInterface {
  name = 'RepairFinePaymentCheck1763700004202';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE repair_applications ADD COLUMN fine_payment jsonb`);
    await runner.query(
      `CREATE INDEX repair_records_fine_payments ON repair_records (subject_id, (payload->>'penaltyDocumentNumber')) WHERE record_type = 'fine-payment'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX repair_records_fine_payments`);
    await runner.query(`ALTER TABLE repair_applications DROP COLUMN fine_payment`);
  }
}
