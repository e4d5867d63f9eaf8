import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreditRecords1763700000100 implements MigrationInterface {
  name = 'CreditRecords1763700000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE credit_records (
      id uuid PRIMARY KEY,
      record_type text NOT NULL,
      subject_kind text NOT NULL,
      subject_id text NOT NULL,
      subject_name text NOT NULL,
      region char(6) NOT NULL,
      severity text NOT NULL,
      decision_date date NOT NULL,
      document_number text NOT NULL,
      status text NOT NULL DEFAULT 'active',
      payload jsonb NOT NULL DEFAULT '{}',
      source_client_id text NOT NULL,
      source_record_id text,
      idempotency_key text,
      received_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT credit_records_document_unique UNIQUE (record_type, document_number, subject_id),
      CONSTRAINT credit_records_source_unique UNIQUE (source_client_id, source_record_id),
      CONSTRAINT credit_records_idempotency_unique UNIQUE (source_client_id, idempotency_key)
    )`);
    await runner.query(`CREATE INDEX credit_records_subject ON credit_records (subject_id, decision_date DESC)`);
    await runner.query(`CREATE INDEX credit_records_region ON credit_records (region, received_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE credit_records`);
  }
}
