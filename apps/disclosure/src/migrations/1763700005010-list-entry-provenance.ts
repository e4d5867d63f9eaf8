import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a published list entry came from when a partner province listed the subject (seed 004:
 * cities share key-watch lists): the partner's region and name, shown with the entry (issue 21).
 * Null for entries this platform decided, and for partner entries projected before this column.
 */
export class ListEntryProvenance1763700005010 implements MigrationInterface {
  name = 'ListEntryProvenance1763700005010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_list_entries ADD COLUMN partner_region text, ADD COLUMN partner_name text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_list_entries DROP COLUMN partner_region, DROP COLUMN partner_name`);
  }
}
