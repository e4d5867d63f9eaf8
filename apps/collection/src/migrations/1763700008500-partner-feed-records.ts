import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's record held from its change feed (ADR 0086): its public facts only, `public_summary`
 * the summary the partner published (null on every other record, whose payload carries its facts),
 * and `partner_version` the source's publication version last applied here, so an older change
 * never overwrites a newer one. One record per partner region and reference, however it arrived
 * (pushed or pulled): a unique index, which the writer's ON CONFLICT DO NOTHING also obeys.
 */
export class PartnerFeedRecords1763700008500 implements MigrationInterface {
  name = 'PartnerFeedRecords1763700008500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE credit_records ADD COLUMN public_summary text, ADD COLUMN partner_version int`);
    await runner.query(
      `CREATE UNIQUE INDEX credit_records_partner_reference_unique ON credit_records (partner_region, partner_reference) WHERE partner_reference IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX credit_records_partner_reference_unique`);
    await runner.query(`ALTER TABLE credit_records DROP COLUMN partner_version, DROP COLUMN public_summary`);
  }
}
