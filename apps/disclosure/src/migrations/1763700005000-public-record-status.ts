import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the public is told about each published record's standing (issue 21): whether an objection
 * (异议) is open on it and whether it was corrected. Only corrections ever raised `record_version`
 * above 1 before this migration, so those rows are the corrected ones.
 */
export class PublicRecordStatus1763700005000 implements MigrationInterface {
  name = 'PublicRecordStatus1763700005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE public_records ADD COLUMN under_objection boolean NOT NULL DEFAULT false, ADD COLUMN corrected boolean NOT NULL DEFAULT false`,
    );
    await runner.query(`UPDATE public_records SET corrected = true WHERE record_version > 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_records DROP COLUMN under_objection, DROP COLUMN corrected`);
  }
}
