import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A list entry removed and later restored (a repair revoked, a partner's entry in force again at
 * its source, ADR 0087) is in force again: the removal moves here, with when it was learnt of and
 * when it was undone, so a past instant still reads the lists as they were known then.
 */
export class SubjectListEntryLapses1763700008910 implements MigrationInterface {
  name = 'SubjectListEntryLapses1763700008910';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE subject_list_entry_lapses (
      entry_id uuid NOT NULL,
      removed_on date NOT NULL,
      removed_received_at timestamptz NOT NULL,
      restored_received_at timestamptz NOT NULL,
      removal_reason text,
      PRIMARY KEY (entry_id, removed_received_at)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE subject_list_entry_lapses`);
  }
}
