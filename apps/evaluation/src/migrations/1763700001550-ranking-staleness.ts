import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A period ranking counts records in the period of their decision date (issue 16), so a record
 * that arrives (or is corrected) after a ranking was graded, decided on or before the period's
 * end, makes that ranking stale: `stale_since` is set in the transaction that stores the record,
 * and the next request grades the period again (ADR 0045).
 */
export class RankingStaleness1763700001550 implements MigrationInterface {
  name = 'RankingStaleness1763700001550';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE evaluation_cycles ADD COLUMN stale_since timestamptz`);
    // Marking stale looks up the fresh rankings ending on or after a decision date (on the record path).
    await runner.query(`CREATE INDEX evaluation_cycles_fresh_rankings ON evaluation_cycles (end_date) WHERE purpose = 'ranking' AND stale_since IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX evaluation_cycles_fresh_rankings`);
    await runner.query(`ALTER TABLE evaluation_cycles DROP COLUMN stale_since`);
  }
}
