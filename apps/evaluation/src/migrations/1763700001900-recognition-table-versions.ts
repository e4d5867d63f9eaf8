import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mutual recognition tables as versioned data (issue 16 item 2, ADR 0049): every version of a
 * table kept, the newest in force. `recognition_tables` holds one row per table, locked while a
 * version is stored, so two uploads (or two replicas storing the shipped set) are serialised.
 */
export class RecognitionTableVersions1763700001900 implements MigrationInterface {
  name = 'RecognitionTableVersions1763700001900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE recognition_tables (
         id text PRIMARY KEY,
         active_version integer NOT NULL DEFAULT 0,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await runner.query(
      `CREATE TABLE recognition_table_versions (
         table_id text NOT NULL REFERENCES recognition_tables (id),
         version integer NOT NULL CHECK (version > 0),
         document jsonb NOT NULL,
         uploaded_by text NOT NULL,
         uploaded_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (table_id, version)
       )`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE recognition_table_versions`);
    await runner.query(`DROP TABLE recognition_tables`);
  }
}
