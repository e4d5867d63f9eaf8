import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issued credit reports: what each showed, so its verification code can prove it later. */
export class CreditReports1763700000240 implements MigrationInterface {
  name = 'CreditReports1763700000240';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE credit_reports (
      code text PRIMARY KEY,
      report_id uuid NOT NULL UNIQUE,
      uscc char(18) NOT NULL,
      subject_name text NOT NULL,
      issued_at timestamptz NOT NULL,
      profile jsonb NOT NULL,
      content_hash char(64) NOT NULL,
      log_seq bigint NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE credit_reports`);
  }
}
