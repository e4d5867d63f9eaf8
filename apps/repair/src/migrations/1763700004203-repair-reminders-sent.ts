import { MigrationInterface, QueryRunner } from 'typeorm';

/** Records whose reminder (`repair.reminders.due`, issue 19 item 6) was sent: once per record. */
export class RepairRemindersSent1763700004203 implements MigrationInterface {
  name = 'RepairRemindersSent1763700004203';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE repair_reminders_sent (record_id uuid PRIMARY KEY REFERENCES repair_records (record_id), sent_at timestamptz NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE repair_reminders_sent`);
  }
}
