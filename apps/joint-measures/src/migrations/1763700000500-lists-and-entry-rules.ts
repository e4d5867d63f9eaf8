import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists (DOMAIN.md §4): the records and grades joint measures has seen (the facts entry rules
 * count), list entries with their basis, notice, decision and removal, and uploaded rule sets.
 */
export class ListsAndEntryRules1763700000500 implements MigrationInterface {
  name = 'ListsAndEntryRules1763700000500';

  async up(runner: QueryRunner): Promise<void> {
    // A copy of each credit record's facts from collection's events; `standing` is false once the
    // record is revoked or its publicity has expired (it no longer counts).
    await runner.query(`CREATE TABLE subject_records (
      record_id uuid PRIMARY KEY,
      record_type text NOT NULL,
      subject_kind text NOT NULL,
      subject_id text NOT NULL,
      subject_name text NOT NULL,
      region text NOT NULL,
      severity text NOT NULL,
      decision_date date NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      standing boolean NOT NULL DEFAULT true,
      ended_reason text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX subject_records_subject ON subject_records (subject_id, record_type, decision_date)`);
    await runner.query(`CREATE TABLE subject_grades (
      subject_id text NOT NULL,
      subject_kind text NOT NULL,
      scheme_id text NOT NULL,
      cycle text NOT NULL,
      grade text NOT NULL,
      points_deducted integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (subject_id, scheme_id, cycle)
    )`);
    await runner.query(`CREATE TABLE list_entries (
      id uuid PRIMARY KEY,
      list_type text NOT NULL,
      subject_kind text NOT NULL,
      subject_id text NOT NULL,
      subject_name text NOT NULL,
      region text NOT NULL,
      status text NOT NULL CHECK (status IN ('proposed', 'effective', 'dropped', 'removed')),
      origin text NOT NULL CHECK (origin IN ('rule', 'manual', 'partner-import')),
      rule_id text,
      basis jsonb NOT NULL,
      grounds text NOT NULL,
      provenance jsonb,
      proposed_on date NOT NULL,
      notice_ends_on date NOT NULL,
      duration_months integer,
      decision jsonb,
      starts_on date,
      ends_on date,
      removal jsonb,
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX list_entries_subject ON list_entries (subject_id, list_type)`);
    await runner.query(`CREATE INDEX list_entries_expiring ON list_entries (ends_on) WHERE status = 'effective'`);
    await runner.query(`CREATE INDEX list_entries_basis ON list_entries USING gin (basis jsonb_path_ops)`);
    // One open entry per rule and subject: a rule that keeps holding does not propose again.
    await runner.query(
      `CREATE UNIQUE INDEX list_entries_open_per_rule ON list_entries (list_type, subject_id, rule_id) WHERE status IN ('proposed', 'effective') AND rule_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX list_entries_partner_source ON list_entries ((provenance->>'partnerRegion'), (provenance->>'sourceReference')) WHERE origin = 'partner-import'`,
    );
    await runner.query(`CREATE TABLE entry_rule_sets (
      version serial PRIMARY KEY,
      rules jsonb NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE entry_rule_sets`);
    await runner.query(`DROP TABLE list_entries`);
    await runner.query(`DROP TABLE subject_grades`);
    await runner.query(`DROP TABLE subject_records`);
  }
}
