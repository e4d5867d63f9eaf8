import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A record a partner province pushed (POST /exchange/v1/records, issue 20 item 3, ADR 0069) is a
 * separate record of its own, marked with where it came from: the partner's region, its own
 * reference and the recognition agreement it was accepted under. Null on every record of ours.
 * Its idempotency is the existing (source_client_id, source_record_id / idempotency_key) pair.
 */
export class PartnerRecordProvenance1763700008000 implements MigrationInterface {
  name = 'PartnerRecordProvenance1763700008000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE credit_records ADD COLUMN partner_region text, ADD COLUMN partner_reference text, ADD COLUMN partner_agreement text`);
    await runner.query(
      `ALTER TABLE credit_records ADD CONSTRAINT credit_records_partner_complete CHECK ((partner_region IS NULL) = (partner_reference IS NULL))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_partner_complete`);
    await runner.query(`ALTER TABLE credit_records DROP COLUMN partner_agreement, DROP COLUMN partner_reference, DROP COLUMN partner_region`);
  }
}
