import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation's copy of joint measures' list entries in force (`measures.list-entries.effective`
 * and `.removed`), the subject fact schemes read as `subject.lists`. Each entry keeps the dates
 * it is in force (`starts_on`..`ends_on`, until `removed_on`) and the instants evaluation learnt
 * of it and of its removal, so a past standing (as-of, a closed cycle, a period ranking) reads
 * the lists as the platform knew them then. `version` orders updates of one entry.
 */
export class SubjectListEntries1763700000440 implements MigrationInterface {
  name = 'SubjectListEntries1763700000440';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE subject_list_entries (
      entry_id uuid PRIMARY KEY,
      subject_id text NOT NULL,
      list_type text NOT NULL,
      starts_on date NOT NULL,
      ends_on date,
      effective_received_at timestamptz NOT NULL,
      removed_on date,
      removed_received_at timestamptz,
      removal_reason text,
      version int NOT NULL
    )`);
    await runner.query(`CREATE INDEX subject_list_entries_subject ON subject_list_entries (subject_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE subject_list_entries`);
  }
}
