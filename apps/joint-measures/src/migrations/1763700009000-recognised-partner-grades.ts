import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner province's grades evaluation recognised on our ladder (`evaluation.partner-grades.*`,
 * ADR 0090), one row per subject, partner and partner scheme: our scheme and grade it counts as,
 * and its provenance. Kept apart from `subject_grades` (never one of our grades). A withdrawal
 * keeps the row as a tombstone (`unrecognised_at`) with its version, so an older recognition
 * delivered late (a separate consumer) is not applied over it. The facts trigger drops the subject
 * from every replica's decision read cache after the commit, as for our grades.
 */
export class RecognisedPartnerGrades1763700009000 implements MigrationInterface {
  name = 'RecognisedPartnerGrades1763700009000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE recognised_partner_grades (
      subject_id text NOT NULL,
      partner_region text NOT NULL,
      partner_scheme_id text NOT NULL,
      version integer NOT NULL,
      change_id text NOT NULL,
      scheme_id text,
      grade text,
      table_id text,
      provenance jsonb,
      recognised_at timestamptz,
      unrecognised_at timestamptz,
      unrecognised_reason text,
      PRIMARY KEY (subject_id, partner_region, partner_scheme_id)
    )`);
    await runner.query(
      `CREATE TRIGGER recognised_partner_grades_facts_changed AFTER INSERT OR UPDATE OR DELETE ON recognised_partner_grades
         FOR EACH ROW EXECUTE FUNCTION notify_subject_facts_changed()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE recognised_partner_grades`);
  }
}
