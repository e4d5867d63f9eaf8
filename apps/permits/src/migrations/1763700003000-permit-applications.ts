import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Permits' copy of the subject registry's enterprises (`credit.registry.enterprises.changed`, ADR 0044),
 * upserted on `revision`: whether a carrier is known and licensed for oversize transport (sector
 * `oversize-transport`). Applications with their classification, path and deadline; the route's
 * provinces each with an approval state from the start, so cross-province parallel approval
 * (issue 18 item 5) adds answers, not a new shape.
 */
export class PermitApplications1763700003000 implements MigrationInterface {
  name = 'PermitApplications1763700003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry_carriers (
      uscc text PRIMARY KEY,
      name text NOT NULL,
      region text NOT NULL,
      sectors text[] NOT NULL,
      active boolean NOT NULL,
      revision bigint NOT NULL,
      changed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE permit_applications (
      id uuid PRIMARY KEY,
      client_id text NOT NULL,
      region text NOT NULL,
      carrier_uscc text NOT NULL,
      status text NOT NULL CHECK (status IN ('accepted', 'deficient', 'not-accepted', 'refused')),
      permit_class text CHECK (permit_class IN ('I', 'II', 'III')),
      cross_province boolean NOT NULL,
      path text NOT NULL CHECK (path IN ('commitment', 'standard')),
      inspection text NOT NULL CHECK (inspection IN ('remote-if-drawn', 'on-site')),
      path_reasons jsonb NOT NULL,
      credit_decision_id text,
      reasons jsonb NOT NULL,
      deficiencies jsonb NOT NULL,
      working_days int,
      received_on date NOT NULL,
      deadline date,
      deadline_provisional boolean NOT NULL DEFAULT false,
      application jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX permit_applications_region_received ON permit_applications (region, received_on)`);
    await runner.query(`CREATE TABLE permit_province_approvals (
      application_id uuid NOT NULL REFERENCES permit_applications (id),
      province text NOT NULL,
      route_order int NOT NULL,
      state text NOT NULL CHECK (state IN ('origin', 'pending', 'approved', 'refused')),
      reason text,
      answered_at timestamptz,
      PRIMARY KEY (application_id, province)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE permit_province_approvals`);
    await runner.query(`DROP TABLE permit_applications`);
    await runner.query(`DROP TABLE registry_carriers`);
  }
}
