import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The subject registry (主体库, ADR 0042): enterprises with their licences and sectors, vehicles
 * (plate + colour), drivers (citizen ID) and vessels (ship identification number). Each row is
 * the current registration with its revision; the history is in the change events.
 */
export class SubjectRegistry1763700001200 implements MigrationInterface {
  name = 'SubjectRegistry1763700001200';

  async up(runner: QueryRunner): Promise<void> {
    const revisioned = `active boolean NOT NULL,
      revision int NOT NULL CHECK (revision >= 1),
      source text NOT NULL CHECK (source IN ('api', 'import', 'licence-record')),
      changed_at timestamptz NOT NULL,
      changed_by text NOT NULL`;
    await runner.query(`CREATE TABLE registry_enterprises (
      uscc char(18) PRIMARY KEY,
      name text NOT NULL,
      region char(6) NOT NULL,
      declared_sectors text[] NOT NULL,
      sectors text[] NOT NULL,
      sectors_next_change date,
      licences jsonb NOT NULL,
      registered_on date,
      credit_registered boolean NOT NULL,
      credit_committed boolean NOT NULL,
      credit_self_assessed boolean NOT NULL,
      ${revisioned}
    )`);
    await runner.query(`CREATE INDEX registry_enterprises_region ON registry_enterprises (region)`);
    await runner.query(
      `CREATE INDEX registry_enterprises_sectors_next_change ON registry_enterprises (sectors_next_change) WHERE sectors_next_change IS NOT NULL`,
    );
    await runner.query(`CREATE TABLE registry_vehicles (
      plate text NOT NULL,
      plate_colour text NOT NULL,
      carrier_uscc char(18),
      region char(6) NOT NULL,
      vehicle_type text NOT NULL,
      axles int,
      transport_certificate text,
      ${revisioned},
      PRIMARY KEY (plate, plate_colour)
    )`);
    await runner.query(`CREATE INDEX registry_vehicles_carrier ON registry_vehicles (carrier_uscc, plate, plate_colour) WHERE carrier_uscc IS NOT NULL`);
    await runner.query(`CREATE TABLE registry_drivers (
      citizen_id char(18) PRIMARY KEY,
      name text NOT NULL,
      qualification_certificate text,
      qualification_sectors text[] NOT NULL,
      employer_uscc char(18),
      region char(6) NOT NULL,
      qualified_on date,
      ${revisioned}
    )`);
    await runner.query(`CREATE INDEX registry_drivers_employer ON registry_drivers (employer_uscc, citizen_id) WHERE employer_uscc IS NOT NULL`);
    await runner.query(`CREATE TABLE registry_vessels (
      vessel_id text PRIMARY KEY,
      name text NOT NULL,
      owner_uscc char(18),
      region char(6) NOT NULL,
      vessel_type text,
      gross_tonnage double precision,
      ${revisioned}
    )`);
    await runner.query(`CREATE INDEX registry_vessels_owner ON registry_vessels (owner_uscc) WHERE owner_uscc IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry_vessels`);
    await runner.query(`DROP TABLE registry_drivers`);
    await runner.query(`DROP TABLE registry_vehicles`);
    await runner.query(`DROP TABLE registry_enterprises`);
  }
}
