import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cycle closes: one row per (scheme version, period), processed in chunks with a cursor and a
 * lease (a crashed replica's close is resumed by another), and one result per subject.
 * `cutoff` pins the inputs: records received after it, or withdrawn after it, are read as they
 * stood at the cutoff, so closing again gives the same results.
 */
export class EvaluationCycles1763700000410 implements MigrationInterface {
  name = 'EvaluationCycles1763700000410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE evaluation_cycles (
      id uuid PRIMARY KEY,
      scheme_id text NOT NULL,
      scheme_version int NOT NULL,
      period text NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL,
      cutoff timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'completed')),
      total int NOT NULL,
      processed int NOT NULL DEFAULT 0,
      cursor_subject text NOT NULL DEFAULT '',
      lease_until timestamptz,
      requested_by text NOT NULL,
      requested_at timestamptz NOT NULL,
      completed_at timestamptz,
      UNIQUE (scheme_id, scheme_version, period)
    )`);
    await runner.query(`CREATE TABLE cycle_results (
      cycle_id uuid NOT NULL REFERENCES evaluation_cycles (id),
      subject_id text NOT NULL,
      subject_kind text NOT NULL,
      region text NOT NULL,
      grade text NOT NULL,
      score double precision NOT NULL,
      result jsonb NOT NULL,
      PRIMARY KEY (cycle_id, subject_id)
    )`);
    await runner.query(`CREATE INDEX subject_records_kind_region ON subject_records (subject_kind, subject_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX subject_records_kind_region`);
    await runner.query(`DROP TABLE cycle_results`);
    await runner.query(`DROP TABLE evaluation_cycles`);
  }
}
