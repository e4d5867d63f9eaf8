import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which version of the record a public row shows, so a late, older update never overwrites a newer one. */
export class RecordVersions1763700000220 implements MigrationInterface {
  name = 'RecordVersions1763700000220';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_records ADD COLUMN record_version int NOT NULL DEFAULT 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_records DROP COLUMN record_version`);
  }
}
