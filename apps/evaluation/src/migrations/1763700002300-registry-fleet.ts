import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation's copy of who belongs to which carrier (`credit.registry.vehicles.changed`, and the
 * employer of `credit.registry.drivers.changed`; ADR 0053): one row per vehicle (plate:colour) or
 * driver (citizen id) with its carrier now, upserted on `revision` (higher wins). Per-vehicle and
 * per-driver indicators (Sichuan risk portraits, seed 004 案例15: 车均交通违法量) divide by the
 * carrier's active vehicles and drivers counted here.
 */
export class RegistryFleet1763700002300 implements MigrationInterface {
  name = 'RegistryFleet1763700002300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry_fleet (
      member_kind text NOT NULL CHECK (member_kind IN ('vehicle', 'driver')),
      member_key text NOT NULL,
      carrier_uscc text,
      active boolean NOT NULL,
      revision bigint NOT NULL,
      changed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (member_kind, member_key)
    )`);
    await runner.query(`CREATE INDEX registry_fleet_carrier ON registry_fleet (carrier_uscc, member_kind) WHERE active`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry_fleet`);
  }
}
