import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocation of an approved repair obtained with a false commitment (issue 19 item 8): the
 * application becomes `revoked`, with who, when, why and the last day the subject may not apply
 * again. A revoked application is not live, so the record may be applied for again after the bar.
 */
export class RepairRevocations1763700004200 implements MigrationInterface {
  name = 'RepairRevocations1763700004200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE repair_applications DROP CONSTRAINT repair_applications_status_check`);
    await runner.query(
      `ALTER TABLE repair_applications ADD CONSTRAINT repair_applications_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'revoked'))`,
    );
    await runner.query(
      `ALTER TABLE repair_applications ADD COLUMN revoked_by text, ADD COLUMN revoked_at timestamptz, ADD COLUMN revocation_reason text, ADD COLUMN reapply_barred_until date`,
    );
    await runner.query(`CREATE INDEX repair_applications_bars ON repair_applications (subject_id, reapply_barred_until) WHERE status = 'revoked'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX repair_applications_bars`);
    await runner.query(
      `ALTER TABLE repair_applications DROP COLUMN revoked_by, DROP COLUMN revoked_at, DROP COLUMN revocation_reason, DROP COLUMN reapply_barred_until`,
    );
    await runner.query(`ALTER TABLE repair_applications DROP CONSTRAINT repair_applications_status_check`);
    await runner.query(`ALTER TABLE repair_applications ADD CONSTRAINT repair_applications_status_check CHECK (status IN ('pending', 'approved', 'rejected'))`);
  }
}
