import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record version each repair notice was computed from: a correction's notice (a later version)
 * must not be overwritten by the original's, whichever consumer delivers first. Notices kept before
 * were computed from the record as received: version 1.
 */
export class RepairNoticeRecordVersions1763700008900 implements MigrationInterface {
  name = 'RepairNoticeRecordVersions1763700008900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_repair_notices ADD COLUMN record_version integer NOT NULL DEFAULT 1`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_repair_notices DROP COLUMN record_version`);
  }
}
