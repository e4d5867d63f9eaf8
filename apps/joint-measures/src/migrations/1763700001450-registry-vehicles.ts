import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint measures' copy of the subject registry's vehicles (`credit.registry.vehicles.changed`,
 * ADR 0044): one row per vehicle (plate + colour) with the carrier that owns it now, upserted on
 * `revision` (higher wins). A carrier's fleet is counted from this table (its active vehicles), so
 * a vehicle that moves carrier leaves one fleet and joins the other by the same update. The
 * hand-reported `carrier_fleets` stay, as an override of this count.
 */
export class RegistryVehicles1763700001450 implements MigrationInterface {
  name = 'RegistryVehicles1763700001450';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry_vehicles (
      plate text NOT NULL,
      plate_colour text NOT NULL,
      carrier_uscc text,
      vehicle_type text NOT NULL,
      region text NOT NULL,
      active boolean NOT NULL,
      revision bigint NOT NULL,
      changed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (plate, plate_colour)
    )`);
    await runner.query(`CREATE INDEX registry_vehicles_carrier ON registry_vehicles (carrier_uscc) WHERE active`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry_vehicles`);
  }
}
