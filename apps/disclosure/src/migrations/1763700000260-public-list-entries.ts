import { MigrationInterface, QueryRunner } from 'typeorm';

/** Published list memberships (red, key-watch, severe-dishonesty, bad-driver), from joint measures' events. */
export class PublicListEntries1763700000260 implements MigrationInterface {
  name = 'PublicListEntries1763700000260';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE public_list_entries (
      entry_id uuid PRIMARY KEY,
      publication_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
      list_type text NOT NULL,
      subject_kind text NOT NULL,
      subject_id text NOT NULL,
      subject_name text NOT NULL,
      region char(6) NOT NULL,
      grounds text NOT NULL,
      document_number text NOT NULL DEFAULT '',
      starts_on date NOT NULL,
      ends_on date,
      removed_on date,
      version int NOT NULL
    )`);
    await runner.query(`CREATE INDEX public_list_entries_list ON public_list_entries (list_type, starts_on DESC, entry_id)`);
    await runner.query(`CREATE INDEX public_list_entries_subject ON public_list_entries (subject_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public_list_entries`);
  }
}
