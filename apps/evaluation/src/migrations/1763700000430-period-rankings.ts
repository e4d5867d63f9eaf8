import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rankings per week, month, quarter, half-year or year (issue 4 item 10; ADR 0020) are graded by
 * the cycle-close machinery: a row with purpose `ranking` grades every subject in scope as it
 * stood at the end of the period (the cutoff) in the scheme's own cycle containing that day.
 * A close and a ranking of the same label (a quarterly scheme's `2026-Q4`) are different rows.
 */
export class PeriodRankings1763700000430 implements MigrationInterface {
  name = 'PeriodRankings1763700000430';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE evaluation_cycles ADD COLUMN purpose text NOT NULL DEFAULT 'close' CHECK (purpose IN ('close', 'ranking'))`);
    await runner.query(`ALTER TABLE evaluation_cycles ADD COLUMN period_kind text`);
    await runner.query(`ALTER TABLE evaluation_cycles DROP CONSTRAINT evaluation_cycles_scheme_id_scheme_version_period_key`);
    await runner.query(`ALTER TABLE evaluation_cycles ADD CONSTRAINT evaluation_cycles_one_per_period UNIQUE (scheme_id, scheme_version, purpose, period)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM cycle_results WHERE cycle_id IN (SELECT id FROM evaluation_cycles WHERE purpose = 'ranking')`);
    await runner.query(`DELETE FROM evaluation_cycles WHERE purpose = 'ranking'`);
    await runner.query(`ALTER TABLE evaluation_cycles DROP CONSTRAINT evaluation_cycles_one_per_period`);
    await runner.query(
      `ALTER TABLE evaluation_cycles ADD CONSTRAINT evaluation_cycles_scheme_id_scheme_version_period_key UNIQUE (scheme_id, scheme_version, period)`,
    );
    await runner.query(`ALTER TABLE evaluation_cycles DROP COLUMN period_kind`);
    await runner.query(`ALTER TABLE evaluation_cycles DROP COLUMN purpose`);
  }
}
