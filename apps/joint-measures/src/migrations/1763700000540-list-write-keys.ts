import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key on list writes (API.md conventions): the first answer to a client's key, with a
 * hash of what was asked, written in the same transaction as the write it answers.
 */
export class ListWriteKeys1763700000540 implements MigrationInterface {
  name = 'ListWriteKeys1763700000540';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE list_write_keys (
      client_id text NOT NULL,
      idempotency_key text NOT NULL,
      operation text NOT NULL,
      request_hash text NOT NULL,
      entry jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, idempotency_key)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE list_write_keys`);
  }
}
