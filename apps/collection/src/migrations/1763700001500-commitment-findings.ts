import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Broken commitments the scheduler detects (issue 16; ADR 0045): one finding per commitment,
 * pending until the unit that accepted the commitment confirms it (then, and only then, a
 * commitment-broken record with that unit's decision document is created and published) or
 * dismisses it. Nothing here is public.
 */
export class CommitmentFindings1763700001500 implements MigrationInterface {
  name = 'CommitmentFindings1763700001500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE commitment_findings (
      id uuid PRIMARY KEY,
      commitment_record_id uuid NOT NULL UNIQUE REFERENCES credit_records (id),
      subject_kind text NOT NULL,
      subject_id text NOT NULL,
      subject_name text NOT NULL,
      region text NOT NULL,
      accepting_client_id text NOT NULL,
      commitment_document_number text NOT NULL,
      due_on date NOT NULL,
      description text NOT NULL,
      consequence text,
      status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'dismissed')),
      detected_at timestamptz NOT NULL,
      decided_by text,
      decided_at timestamptz,
      decision_document_number text,
      decision_date date,
      severity text CHECK (severity IN ('minor', 'general', 'severe')),
      dismiss_reason text,
      broken_record_id uuid REFERENCES credit_records (id)
    )`);
    // The units' work lists: a region's findings by status, oldest first (keyset on id, a UUIDv7).
    await runner.query(`CREATE INDEX commitment_findings_status_region ON commitment_findings (status, region, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE commitment_findings`);
  }
}
