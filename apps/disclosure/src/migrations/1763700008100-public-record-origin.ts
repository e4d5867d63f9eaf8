import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the exchange change feed needs of a published record (ADR 0079): the region whose
 * authority decided it, and — for a record a partner province pushed (ADR 0069) — that partner's
 * region, so the feed never sends a partner its own record back. Null on rows projected before
 * these columns (the feed then shows the subject's last recorded region; partner pushes began
 * with the event field that fills `partner_region`).
 */
export class PublicRecordOrigin1763700008100 implements MigrationInterface {
  name = 'PublicRecordOrigin1763700008100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_records ADD COLUMN region text, ADD COLUMN partner_region text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_records DROP COLUMN region, DROP COLUMN partner_region`);
  }
}
