import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a scheme version was announced as `evaluation.schemes.published` (the scheme catalogue
 * other services check their configuration against, ADR 0043). Set in the transaction that writes
 * the event to the outbox, so each version in force is announced exactly once: at publication,
 * or at start for a version in force that was never announced (the shipped schemes, and versions
 * published before the announcement existed).
 */
export class SchemeAnnouncements1763700001300 implements MigrationInterface {
  name = 'SchemeAnnouncements1763700001300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scheme_versions ADD COLUMN announced_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE scheme_versions DROP COLUMN announced_at`);
  }
}
