import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner provinces' grades as their change feeds carried them (issue 20, ADR 0085): one row per
 * partner, partner scheme and subject, always the partner's (never one of our standings), with
 * its provenance, what the recognition agreement said of it (`applied` / `not-applied`) or
 * `withdrawn`, and the feed's version of it (an older version never overwrites a newer).
 */
export class PartnerGrades1763700008410 implements MigrationInterface {
  name = 'PartnerGrades1763700008410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE partner_grades (
      partner_region char(6) NOT NULL,
      partner_scheme_id text NOT NULL,
      subject_id text NOT NULL,
      subject_name text NOT NULL,
      partner_name text NOT NULL,
      partner_scheme_name text NOT NULL,
      grade text NOT NULL,
      grade_label text NOT NULL,
      cycle text NOT NULL,
      evaluated_at timestamptz NOT NULL,
      version int NOT NULL,
      change_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('applied', 'not-applied', 'withdrawn')),
      agreement text NOT NULL,
      recognition_outcome text NOT NULL,
      recognition_reason text NOT NULL,
      recognition_table_id text,
      received_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_at timestamptz,
      withdrawal_reason text,
      PRIMARY KEY (partner_region, partner_scheme_id, subject_id)
    )`);
    await runner.query(`CREATE INDEX partner_grades_subject ON partner_grades (subject_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE partner_grades`);
  }
}
