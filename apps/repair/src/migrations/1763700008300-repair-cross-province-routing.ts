import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cross-province routing of repair applications (谁认定、谁修复, issue 19 item 5, ADR 0084).
 * repair_records keeps a partner-pushed record's provenance (only `credit.records.created` carries
 * it, so updates keep what is held). An application about such a record is `forwarded` to the
 * partner (`forwarded_to`), never queued here; one a partner forwards to us carries its origin
 * (`origin_partner`, `origin_reference`: one application per partner and reference). A forwarded
 * application counts as live: no second application on the same target while it travels.
 */
export class RepairCrossProvinceRouting1763700008300 implements MigrationInterface {
  name = 'RepairCrossProvinceRouting1763700008300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE repair_records ADD COLUMN partner_region text, ADD COLUMN partner_source_reference text, ADD COLUMN partner_agreement text`,
    );
    await runner.query(
      `ALTER TABLE repair_applications ADD COLUMN forwarded_to text, ADD COLUMN origin_partner text, ADD COLUMN origin_reference text,
         ADD CONSTRAINT repair_applications_origin_pair CHECK ((origin_partner IS NULL) = (origin_reference IS NULL))`,
    );
    await runner.query(`ALTER TABLE repair_applications DROP CONSTRAINT repair_applications_status_check`);
    await runner.query(
      `ALTER TABLE repair_applications ADD CONSTRAINT repair_applications_status_check CHECK (status IN ('pending', 'forwarded', 'approved', 'rejected', 'revoked'))`,
    );
    await runner.query(`DROP INDEX repair_applications_one_live`);
    await runner.query(
      `CREATE UNIQUE INDEX repair_applications_one_live ON repair_applications (record_id) WHERE status IN ('pending', 'forwarded', 'approved')`,
    );
    await runner.query(`DROP INDEX repair_applications_one_live_entry`);
    await runner.query(
      `CREATE UNIQUE INDEX repair_applications_one_live_entry ON repair_applications (list_entry_id) WHERE status IN ('pending', 'forwarded', 'approved')`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX repair_applications_origin ON repair_applications (origin_partner, origin_reference) WHERE origin_partner IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM repair_applications WHERE status = 'forwarded'`);
    await runner.query(`DROP INDEX repair_applications_origin`);
    await runner.query(`DROP INDEX repair_applications_one_live_entry`);
    await runner.query(`CREATE UNIQUE INDEX repair_applications_one_live_entry ON repair_applications (list_entry_id) WHERE status IN ('pending', 'approved')`);
    await runner.query(`DROP INDEX repair_applications_one_live`);
    await runner.query(`CREATE UNIQUE INDEX repair_applications_one_live ON repair_applications (record_id) WHERE status IN ('pending', 'approved')`);
    await runner.query(`ALTER TABLE repair_applications DROP CONSTRAINT repair_applications_status_check`);
    await runner.query(
      `ALTER TABLE repair_applications ADD CONSTRAINT repair_applications_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'revoked'))`,
    );
    await runner.query(
      `ALTER TABLE repair_applications DROP CONSTRAINT repair_applications_origin_pair, DROP COLUMN origin_reference, DROP COLUMN origin_partner, DROP COLUMN forwarded_to`,
    );
    await runner.query(`ALTER TABLE repair_records DROP COLUMN partner_agreement, DROP COLUMN partner_source_reference, DROP COLUMN partner_region`);
  }
}
