import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Objections (异议) and what the collection-quality report counts beyond the records themselves:
 * refused and duplicate submissions per unit and day, and enterprises' claims of monitoring
 * violations. Corrections keep what changed on the version row.
 */
export class ObjectionsQualityClaims1763700000130 implements MigrationInterface {
  name = 'ObjectionsQualityClaims1763700000130';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE credit_record_versions ADD COLUMN changes jsonb`);
    await runner.query(`CREATE TABLE objections (
      id uuid PRIMARY KEY,
      record_id uuid NOT NULL REFERENCES credit_records (id),
      region char(6) NOT NULL,
      provider_client_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
      record_status_before text NOT NULL,
      reason text NOT NULL,
      objector jsonb NOT NULL,
      opened_by text NOT NULL,
      opened_at timestamptz NOT NULL,
      due_on date NOT NULL,
      outcome text CHECK (outcome IN ('corrected', 'revoked', 'rejected')),
      note text,
      resolved_by text,
      resolved_at timestamptz,
      idempotency_key text,
      CONSTRAINT objections_idempotency_unique UNIQUE (opened_by, idempotency_key)
    )`);
    await runner.query(`CREATE UNIQUE INDEX objections_one_open_per_record ON objections (record_id) WHERE status = 'open'`);
    await runner.query(`CREATE INDEX objections_provider ON objections (provider_client_id, opened_at)`);
    await runner.query(`CREATE TABLE intake_outcomes (
      day date NOT NULL,
      source_client_id text NOT NULL,
      region char(6) NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('rejected', 'duplicate')),
      n int NOT NULL,
      PRIMARY KEY (day, source_client_id, region, outcome)
    )`);
    await runner.query(`CREATE TABLE violation_claims (
      record_id uuid PRIMARY KEY REFERENCES credit_records (id),
      claimed_by text NOT NULL,
      claimant text NOT NULL,
      claimed_at timestamptz NOT NULL,
      disposal text,
      disposed_by text,
      disposed_at timestamptz
    )`);
    await runner.query(`CREATE INDEX credit_records_type_region ON credit_records (record_type, region, decision_date DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX credit_records_type_region`);
    await runner.query(`DROP TABLE violation_claims`);
    await runner.query(`DROP TABLE intake_outcomes`);
    await runner.query(`DROP TABLE objections`);
    await runner.query(`ALTER TABLE credit_record_versions DROP COLUMN changes`);
  }
}
