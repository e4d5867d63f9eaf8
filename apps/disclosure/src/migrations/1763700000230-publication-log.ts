import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tamper-evident publication log: every publication, correction, withdrawal and expiry of a
 * public item, each entry hashed with the one before it. Items get a public id for it, so the
 * log never shows collection's internal record ids.
 */
export class PublicationLog1763700000230 implements MigrationInterface {
  name = 'PublicationLog1763700000230';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_records ADD COLUMN publication_id uuid NOT NULL DEFAULT gen_random_uuid()`);
    await runner.query(`ALTER TABLE public_records ADD CONSTRAINT public_records_publication_id_unique UNIQUE (publication_id)`);
    await runner.query(`CREATE TABLE publication_log (
      seq bigint PRIMARY KEY,
      logged_at timestamptz NOT NULL,
      publication_id uuid NOT NULL,
      event text NOT NULL,
      content jsonb NOT NULL,
      content_hash char(64) NOT NULL,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL
    )`);
    await runner.query(`CREATE INDEX publication_log_item ON publication_log (publication_id, seq)`);
    await runner.query(`CREATE INDEX public_records_due_to_expire ON public_records (published_until) WHERE withdrawn_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX public_records_due_to_expire`);
    await runner.query(`DROP TABLE publication_log`);
    await runner.query(`ALTER TABLE public_records DROP COLUMN publication_id`);
  }
}
