import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing list entries a partner decided, and watching the partner's approvals for a later
 * revocation (issue 19 items 5 and 8, ADR 0088). repair_list_entries keeps the subject's name (the
 * forwarded application names it) and a partner import's provenance (`measures.list-entries.*`
 * carry it on every version). An approval brought back from a partner is watched for its
 * revocation until `revocation_watch_until`: such approved rows are due to the forwarder as
 * forwarded ones are (the due index covers both).
 */
export class RepairPartnerListEntriesAndRevocationWatch1763700008700 implements MigrationInterface {
  name = 'RepairPartnerListEntriesAndRevocationWatch1763700008700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE repair_list_entries ADD COLUMN subject_name text NOT NULL DEFAULT '', ADD COLUMN partner_region text, ADD COLUMN partner_source_reference text,
         ADD CONSTRAINT repair_list_entries_partner_pair CHECK ((partner_region IS NULL) = (partner_source_reference IS NULL))`,
    );
    await runner.query(`ALTER TABLE repair_applications ADD COLUMN revocation_watch_until timestamptz`);
    await runner.query(`DROP INDEX repair_applications_forwards_due`);
    await runner.query(
      `CREATE INDEX repair_applications_forwards_due ON repair_applications (forwarded_to, next_forward_at)
         WHERE status = 'forwarded' OR (status = 'approved' AND revocation_watch_until IS NOT NULL)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX repair_applications_forwards_due`);
    await runner.query(`CREATE INDEX repair_applications_forwards_due ON repair_applications (forwarded_to, next_forward_at) WHERE status = 'forwarded'`);
    await runner.query(`ALTER TABLE repair_applications DROP COLUMN revocation_watch_until`);
    await runner.query(
      `ALTER TABLE repair_list_entries DROP CONSTRAINT repair_list_entries_partner_pair, DROP COLUMN partner_source_reference, DROP COLUMN partner_region, DROP COLUMN subject_name`,
    );
  }
}
