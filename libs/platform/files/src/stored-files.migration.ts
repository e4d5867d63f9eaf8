import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `stored_files` and `stored_file_uploaders`, identical in every service schema that stores uploads
 * (permits' attachments, repair's evidence; ADR 0076): content in bytea, addressed by its SHA-256,
 * with the sniffed type and size; who uploaded it (client, region) for the read rule.
 */
export class StoredFiles1763700007100 implements MigrationInterface {
  name = 'StoredFiles1763700007100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE stored_files (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      media_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      content bytea NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      CHECK (octet_length(content) = size_bytes)
    )`);
    // Large values are compressed and moved out of line by TOAST; media is mostly compressed already.
    await runner.query(`ALTER TABLE stored_files ALTER COLUMN content SET STORAGE EXTERNAL`);
    await runner.query(`CREATE TABLE stored_file_uploaders (
      sha256 text NOT NULL REFERENCES stored_files (sha256),
      client_id text NOT NULL,
      region text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (sha256, client_id)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE stored_file_uploaders`);
    await runner.query(`DROP TABLE stored_files`);
  }
}
