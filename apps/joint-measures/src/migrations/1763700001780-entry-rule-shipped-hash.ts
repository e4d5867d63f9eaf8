import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which shipped entry rules each uploaded set was uploaded under (content hash of the build's
 * version 0, ADR 0047): a set uploaded before the shipped rules changed in code is reported by
 * the admin API (`shippedUpdateAvailable`) and at start, never overridden. Null for sets uploaded
 * before this column existed: not known, not reported.
 */
export class EntryRuleShippedHash1763700001780 implements MigrationInterface {
  name = 'EntryRuleShippedHash1763700001780';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE entry_rule_sets ADD COLUMN shipped_hash text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE entry_rule_sets DROP COLUMN shipped_hash`);
  }
}
