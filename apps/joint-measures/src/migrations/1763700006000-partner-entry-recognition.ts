import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's entry carries what the recognition agreement with its sender says of it (issue 20
 * item 1, ADR 0067): `recognition` (applied or not, the agreement, why, its maximum term), and an
 * entry outside the agreement is kept as `not-applied`: stored and reported, never in force.
 * Entries imported before this migration were put in force unconditionally; they keep their status
 * and get a recognition naming that, so an admin can find and review them.
 */
export class PartnerEntryRecognition1763700006000 implements MigrationInterface {
  name = 'PartnerEntryRecognition1763700006000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE list_entries DROP CONSTRAINT list_entries_status_check`);
    await runner.query(
      `ALTER TABLE list_entries ADD CONSTRAINT list_entries_status_check CHECK (status IN ('proposed', 'effective', 'dropped', 'removed', 'not-applied'))`,
    );
    await runner.query(`ALTER TABLE list_entries ADD COLUMN recognition jsonb`);
    await runner.query(
      `UPDATE list_entries SET recognition = jsonb_build_object('outcome', 'applied', 'agreement', NULL, 'reason', 'imported before recognition agreements (review)', 'maxTermMonths', NULL)
       WHERE origin = 'partner-import'`,
    );
    await runner.query(`CREATE INDEX list_entries_partner ON list_entries ((provenance->>'partnerRegion'), proposed_on) WHERE origin = 'partner-import'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX list_entries_partner`);
    await runner.query(`ALTER TABLE list_entries DROP COLUMN recognition`);
    await runner.query(`DELETE FROM list_entries WHERE status = 'not-applied'`);
    await runner.query(`ALTER TABLE list_entries DROP CONSTRAINT list_entries_status_check`);
    await runner.query(`ALTER TABLE list_entries ADD CONSTRAINT list_entries_status_check CHECK (status IN ('proposed', 'effective', 'dropped', 'removed'))`);
  }
}
