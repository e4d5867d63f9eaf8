import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A published scheme version regrades every subject in its scope: one refresh per published
 * version, written in the publishing transaction, worked through in chunks with a cursor and a
 * lease like a cycle close.
 */
export class StandingRefreshes1763700000420 implements MigrationInterface {
  name = 'StandingRefreshes1763700000420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE standing_refreshes (
      id uuid PRIMARY KEY,
      scheme_id text NOT NULL,
      scheme_version int NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'completed')),
      processed int NOT NULL DEFAULT 0,
      cursor_subject text NOT NULL DEFAULT '',
      lease_until timestamptz,
      requested_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      UNIQUE (scheme_id, scheme_version)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE standing_refreshes`);
  }
}
