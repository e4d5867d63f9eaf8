import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform's Idempotency-Key rule (libs/platform/database/src/idempotency.ts): a key reused
 * with another request is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED), not answered with the
 * first answer. Writes whose first answer is their own row keep the request's hash beside the
 * key, written in the same statement, and compare it only when the key conflicts. Rows stored
 * before this column have no hash and keep replaying as they did.
 */
export class IdempotencyRequestHashes1763700000300 implements MigrationInterface {
  name = 'IdempotencyRequestHashes1763700000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE credit_records ADD COLUMN idempotency_request_hash text`);
    await runner.query(`ALTER TABLE batches ADD COLUMN idempotency_request_hash text`);
    await runner.query(`ALTER TABLE objections ADD COLUMN idempotency_request_hash text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE objections DROP COLUMN idempotency_request_hash`);
    await runner.query(`ALTER TABLE batches DROP COLUMN idempotency_request_hash`);
    await runner.query(`ALTER TABLE credit_records DROP COLUMN idempotency_request_hash`);
  }
}
