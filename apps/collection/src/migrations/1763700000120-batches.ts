import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NDJSON batches: the raw body is stored before the 202, so nothing accepted is lost; `next_line`
 * is the cursor, advanced in the same transaction as each chunk's records, so a restart resumes
 * exactly where the crash left off.
 */
export class Batches1763700000120 implements MigrationInterface {
  name = 'Batches1763700000120';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE batches (
      id uuid PRIMARY KEY,
      client_id text NOT NULL,
      principal jsonb NOT NULL,
      status text NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'processing', 'completed')),
      line_count int NOT NULL,
      next_line int NOT NULL DEFAULT 0,
      accepted int NOT NULL DEFAULT 0,
      rejected int NOT NULL DEFAULT 0,
      duplicates int NOT NULL DEFAULT 0,
      body text NOT NULL,
      idempotency_key text,
      lease_until timestamptz,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      CONSTRAINT batches_idempotency_unique UNIQUE (client_id, idempotency_key)
    )`);
    await runner.query(`CREATE INDEX batches_pending ON batches (submitted_at) WHERE status <> 'completed'`);
    await runner.query(`CREATE TABLE batch_line_errors (
      batch_id uuid NOT NULL REFERENCES batches (id),
      line int NOT NULL,
      seq int NOT NULL,
      field text NOT NULL,
      code text NOT NULL,
      message text NOT NULL,
      PRIMARY KEY (batch_id, line, seq)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE batch_line_errors`);
    await runner.query(`DROP TABLE batches`);
  }
}
