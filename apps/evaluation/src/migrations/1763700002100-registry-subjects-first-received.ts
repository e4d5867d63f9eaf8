import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When evaluation first heard of each registry subject (ADR 0051): a cycle close grades the
 * registered subjects of a scheme that grades them as they stood at its cutoff, so a subject first
 * registered after the cutoff stays out of that close, however often its registration changes
 * later (`received_at` moves with every change). Rows already held take their last receipt.
 */
export class RegistrySubjectsFirstReceived1763700002100 implements MigrationInterface {
  name = 'RegistrySubjectsFirstReceived1763700002100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE registry_subjects ADD COLUMN first_received_at timestamptz`);
    await runner.query(`UPDATE registry_subjects SET first_received_at = received_at`);
    await runner.query(`ALTER TABLE registry_subjects ALTER COLUMN first_received_at SET NOT NULL, ALTER COLUMN first_received_at SET DEFAULT now()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE registry_subjects DROP COLUMN first_received_at`);
  }
}
