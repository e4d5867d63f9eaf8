import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tier next to each public grade (ADR 0050: a scheme's own ladder may group its grades into
 * tiers, e.g. Beijing 四等九级 — 良 for A), from `evaluation.grade.changed`'s optional `tier`. Null
 * for ladders without tiers and for grades announced before tiers travelled with them.
 */
export class PublicGradeTiers1763700002000 implements MigrationInterface {
  name = 'PublicGradeTiers1763700002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_grades ADD COLUMN tier text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public_grades DROP COLUMN tier`);
  }
}
