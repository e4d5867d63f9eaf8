import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schemes as versioned data, the record facts evaluation keeps per subject, and standings.
 *
 * - `scheme_versions`: immutable documents; at most one `active` version per scheme (a partial
 *   unique index, so two publishers can never leave two active versions). `published_at` and
 *   `retired_at` bound when a version was in force, for as-of queries.
 * - `subject_records`: evaluation's copy of each record it was told about, with the instant it
 *   was withdrawn (revoked, expired) so that any past standing can be recomputed.
 * - `subject_standings`: the current result per (scheme, subject), explanation included;
 *   `standing_changes`: every change of it, with the event that caused it.
 */
export class SchemesAndStandings1763700000400 implements MigrationInterface {
  name = 'SchemesAndStandings1763700000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE schemes (
      id text PRIMARY KEY,
      latest_version int NOT NULL,
      active_version int,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE scheme_versions (
      scheme_id text NOT NULL REFERENCES schemes (id),
      version int NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
      document jsonb NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      retired_at timestamptz,
      PRIMARY KEY (scheme_id, version)
    )`);
    await runner.query(`CREATE UNIQUE INDEX scheme_versions_one_active ON scheme_versions (scheme_id) WHERE status = 'active'`);

    await runner.query(`CREATE TABLE subject_records (
      record_id uuid PRIMARY KEY,
      subject_id text NOT NULL,
      subject_kind text NOT NULL,
      region text NOT NULL,
      record_type text NOT NULL,
      severity text NOT NULL,
      decision_date date NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      received_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      withdrawn_reason text
    )`);
    await runner.query(`CREATE INDEX subject_records_subject ON subject_records (subject_id)`);
    // A withdrawal can arrive before the record it withdraws (separate consumers); it waits here.
    await runner.query(`CREATE TABLE record_withdrawals (
      record_id uuid PRIMARY KEY,
      withdrawn_at timestamptz NOT NULL,
      reason text NOT NULL
    )`);

    await runner.query(`CREATE TABLE subject_standings (
      scheme_id text NOT NULL,
      subject_id text NOT NULL,
      scheme_version int NOT NULL,
      subject_kind text NOT NULL,
      region text NOT NULL,
      grade text NOT NULL,
      score double precision NOT NULL,
      cycle_label text NOT NULL,
      result jsonb NOT NULL,
      evaluated_at timestamptz NOT NULL,
      PRIMARY KEY (scheme_id, subject_id)
    )`);
    await runner.query(`CREATE INDEX subject_standings_subject ON subject_standings (subject_id)`);
    await runner.query(`CREATE TABLE standing_changes (
      id bigserial PRIMARY KEY,
      scheme_id text NOT NULL,
      subject_id text NOT NULL,
      scheme_version int NOT NULL,
      previous_grade text,
      grade text NOT NULL,
      score double precision NOT NULL,
      cause_event_id uuid,
      changed_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE INDEX standing_changes_subject ON standing_changes (subject_id, scheme_id, changed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE standing_changes`);
    await runner.query(`DROP TABLE subject_standings`);
    await runner.query(`DROP TABLE record_withdrawals`);
    await runner.query(`DROP TABLE subject_records`);
    await runner.query(`DROP TABLE scheme_versions`);
    await runner.query(`DROP TABLE schemes`);
  }
}
