import { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewayClientsAndAudit1763700000300 implements MigrationInterface {
  name = 'GatewayClientsAndAudit1763700000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE clients (
      client_id text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('integrator', 'partner', 'admin')),
      region char(6) NOT NULL,
      scopes text[] NOT NULL,
      secret_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      client_id text,
      method text NOT NULL,
      path text NOT NULL,
      status int NOT NULL,
      trace_id text,
      request_id text,
      idempotency_key text
    )`);
    await runner.query(`CREATE INDEX audit_log_client_at ON audit_log (client_id, at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE audit_log`);
    await runner.query(`DROP TABLE clients`);
  }
}
