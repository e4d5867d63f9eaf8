import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Route conformance (issue 18 item 8, ADR 0059): the permits it checks against (kept from
 * `permits.permit.issued` / `.revoked`), each vehicle's open violation episode (so a restart
 * neither loses nor repeats one), and every episode reported (its id is the violation event's
 * episodeId; the primary key makes a re-detection one row and one event).
 */
export class RouteConformance1763700003100 implements MigrationInterface {
  name = 'RouteConformance1763700003100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE conformance_permits (
      permit_no text PRIMARY KEY,
      plate text NOT NULL,
      plate_colour text NOT NULL,
      route jsonb NOT NULL,
      valid_from timestamptz NOT NULL,
      valid_until timestamptz NOT NULL,
      carrier jsonb NOT NULL,
      issued_by_region text NOT NULL,
      revoked_at timestamptz,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX conformance_permits_active ON conformance_permits (valid_until) WHERE revoked_at IS NULL`);
    await runner.query(`CREATE TABLE conformance_vehicle_episodes (
      vehicle_key text PRIMARY KEY,
      episode jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE conformance_episodes (
      episode_id text PRIMARY KEY,
      kind text NOT NULL,
      plate text NOT NULL,
      plate_colour text NOT NULL,
      permit_no text,
      started_at timestamptz NOT NULL,
      region text NOT NULL,
      reported_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE conformance_episodes`);
    await runner.query(`DROP TABLE conformance_vehicle_episodes`);
    await runner.query(`DROP TABLE conformance_permits`);
  }
}
