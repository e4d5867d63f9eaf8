import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's newer version of a list entry updates the entry held here (issue 20, ADR 0087): the
 * entry keeps the partner's version it holds (`source_version`; null: sent without one, or our own
 * entry) and the audit of the versions that changed it (`partner_updates`: when, what, why).
 * Entries imported before keep a null version: any version the partner sends is newer.
 */
export class PartnerEntryVersions1763700008600 implements MigrationInterface {
  name = 'PartnerEntryVersions1763700008600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE list_entries ADD COLUMN source_version integer CHECK (source_version > 0)`);
    await runner.query(`ALTER TABLE list_entries ADD COLUMN partner_updates jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE list_entries DROP COLUMN partner_updates`);
    await runner.query(`ALTER TABLE list_entries DROP COLUMN source_version`);
  }
}
