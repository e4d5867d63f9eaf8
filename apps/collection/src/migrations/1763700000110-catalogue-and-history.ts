import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue versions as data, and record history: every change to a record is a new version
 * row; the record row carries the current status and version number. Nothing is deleted.
 */
export class CatalogueAndHistory1763700000110 implements MigrationInterface {
  name = 'CatalogueAndHistory1763700000110';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE catalogue_versions (
      version int PRIMARY KEY,
      effective_from date NOT NULL,
      document jsonb NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`ALTER TABLE credit_records
      ADD COLUMN catalogue_version int NOT NULL DEFAULT 1,
      ADD COLUMN version int NOT NULL DEFAULT 1`);
    await runner.query(`CREATE TABLE credit_record_versions (
      record_id uuid NOT NULL REFERENCES credit_records (id),
      version int NOT NULL,
      status text NOT NULL,
      change text NOT NULL,
      reason text NOT NULL DEFAULT '',
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by text NOT NULL,
      PRIMARY KEY (record_id, version)
    )`);
    await runner.query(`INSERT INTO credit_record_versions (record_id, version, status, change, changed_at, changed_by)
      SELECT id, 1, status, 'created', received_at, source_client_id FROM credit_records`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE credit_record_versions`);
    await runner.query(`ALTER TABLE credit_records DROP COLUMN version, DROP COLUMN catalogue_version`);
    await runner.query(`DROP TABLE catalogue_versions`);
  }
}
