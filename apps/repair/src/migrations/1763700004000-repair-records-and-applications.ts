import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repair's copy of the credit records (from `credit.records.created|updated|revoked|expired`, no
 * synchronous call to collection) and the repair applications (信用修复申请, DOMAIN.md §5). At most
 * one pending or approved application per record (partial unique index): a second is a conflict.
 */
export class RepairRecordsAndApplications1763700004000 implements MigrationInterface {
  name = 'RepairRecordsAndApplications1763700004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE repair_records (
         record_id uuid PRIMARY KEY,
         record_type text NOT NULL,
         subject_kind text NOT NULL,
         subject_id text NOT NULL,
         subject_name text NOT NULL,
         region text NOT NULL,
         severity text NOT NULL CHECK (severity IN ('minor', 'general', 'severe')),
         decision_date date NOT NULL,
         document_number text NOT NULL,
         publicity_ends_on date,
         payload jsonb NOT NULL DEFAULT '{}',
         status text NOT NULL,
         version integer NOT NULL,
         changed_at timestamptz NOT NULL
       )`,
    );
    await runner.query(`CREATE INDEX repair_records_by_subject ON repair_records (subject_id, decision_date)`);
    await runner.query(
      `CREATE TABLE repair_applications (
         id uuid PRIMARY KEY,
         record_id uuid NOT NULL REFERENCES repair_records (record_id),
         record_type text NOT NULL,
         subject_kind text NOT NULL,
         subject_id text NOT NULL,
         deciding_region text NOT NULL,
         severity text NOT NULL,
         decision_date date NOT NULL,
         mode text NOT NULL CHECK (mode IN ('repair-commitment', 'closed-loop')),
         commitment text NOT NULL,
         evidence jsonb NOT NULL DEFAULT '[]',
         status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
         applied_by text NOT NULL,
         applied_at timestamptz NOT NULL,
         decision_due_on date NOT NULL,
         decided_by text,
         decided_at timestamptz,
         decision_reason text
       )`,
    );
    await runner.query(`CREATE UNIQUE INDEX repair_applications_one_live ON repair_applications (record_id) WHERE status IN ('pending', 'approved')`);
    await runner.query(`CREATE INDEX repair_applications_queue ON repair_applications (deciding_region, status, decision_due_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE repair_applications`);
    await runner.query(`DROP TABLE repair_records`);
  }
}
