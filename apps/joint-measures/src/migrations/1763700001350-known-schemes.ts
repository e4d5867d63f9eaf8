import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evaluation schemes joint measures knows, from `evaluation.schemes.published` (ADR 0043):
 * the latest announced version of each, with its ladder's grades, sectors and regions. Measure
 * mappings, draw plans and entry rules are checked against it; what names a scheme not in it is
 * pending.
 */
export class KnownSchemes1763700001350 implements MigrationInterface {
  name = 'KnownSchemes1763700001350';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE known_schemes (
      scheme_id text PRIMARY KEY,
      version integer NOT NULL,
      name jsonb NOT NULL,
      ladder_id text NOT NULL,
      grades text[] NOT NULL,
      sectors text[] NOT NULL,
      regions text[] NOT NULL,
      published_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE known_schemes`);
  }
}
