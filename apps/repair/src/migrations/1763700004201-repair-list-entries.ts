import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * List entries as repair targets (issue 19 items 2 and 7): repair's copy of joint measures' list
 * entries (from `measures.list-entries.*`), and applications that name a list entry instead of a
 * record (`target_kind`). Record facts (type, severity, decision date) are empty for list entries.
 */
export class RepairListEntries1763700004201 implements MigrationInterface {
  name = 'RepairListEntries1763700004201';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE repair_list_entries (
         entry_id uuid PRIMARY KEY,
         list_type text NOT NULL,
         subject_kind text NOT NULL,
         subject_id text NOT NULL,
         region text NOT NULL,
         status text NOT NULL,
         starts_on date,
         version integer NOT NULL
       )`,
    );
    await runner.query(`ALTER TABLE repair_applications ADD COLUMN target_kind text NOT NULL DEFAULT 'record' CHECK (target_kind IN ('record', 'list-entry'))`);
    await runner.query(`ALTER TABLE repair_applications ADD COLUMN list_entry_id uuid REFERENCES repair_list_entries (entry_id)`);
    await runner.query(
      `ALTER TABLE repair_applications ALTER COLUMN record_id DROP NOT NULL, ALTER COLUMN severity DROP NOT NULL, ALTER COLUMN decision_date DROP NOT NULL`,
    );
    await runner.query(
      `ALTER TABLE repair_applications ADD CONSTRAINT repair_applications_one_target CHECK (
         (target_kind = 'record' AND record_id IS NOT NULL AND list_entry_id IS NULL) OR (target_kind = 'list-entry' AND list_entry_id IS NOT NULL AND record_id IS NULL))`,
    );
    await runner.query(`CREATE UNIQUE INDEX repair_applications_one_live_entry ON repair_applications (list_entry_id) WHERE status IN ('pending', 'approved')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM repair_applications WHERE target_kind = 'list-entry'`);
    await runner.query(`DROP INDEX repair_applications_one_live_entry`);
    await runner.query(`ALTER TABLE repair_applications DROP CONSTRAINT repair_applications_one_target`);
    await runner.query(
      `ALTER TABLE repair_applications ALTER COLUMN record_id SET NOT NULL, ALTER COLUMN severity SET NOT NULL, ALTER COLUMN decision_date SET NOT NULL`,
    );
    await runner.query(`ALTER TABLE repair_applications DROP COLUMN list_entry_id, DROP COLUMN target_kind`);
    await runner.query(`DROP TABLE repair_list_entries`);
  }
}
