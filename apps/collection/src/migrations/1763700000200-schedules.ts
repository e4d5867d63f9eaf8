import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records over time: leases of the periodic jobs, one notice per expiring licence (announced
 * once), and the indexes the jobs search by (open commitments, licences by validity — ISO dates as
 * text, since a text-to-date cast may not be indexed —
 * fulfilments and broken records by the commitment they refer to, live records by decision date).
 */
export class Schedules1763700000200 implements MigrationInterface {
  name = 'Schedules1763700000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE scheduled_job_leases (
      job text PRIMARY KEY,
      holder text NOT NULL,
      lease_until timestamptz NOT NULL,
      last_started_at timestamptz NOT NULL,
      last_finished_at timestamptz,
      last_outcome text
    )`);
    await runner.query(`CREATE TABLE licence_expiry_notices (
      record_id uuid PRIMARY KEY REFERENCES credit_records (id),
      valid_until date NOT NULL,
      announced_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE INDEX credit_records_open_commitments ON credit_records (decision_date)
      WHERE record_type = 'credit-commitment' AND status IN ('active', 'corrected')`);
    await runner.query(`CREATE INDEX credit_records_commitment_ref ON credit_records ((payload->>'commitmentRecordId'))
      WHERE record_type IN ('commitment-fulfilled', 'commitment-broken')`);
    await runner.query(`CREATE INDEX credit_records_licence_valid_until ON credit_records ((payload->>'validUntil'))
      WHERE record_type = 'administrative-licence' AND status IN ('active', 'corrected')`);
    await runner.query(`CREATE INDEX credit_records_live_by_decision ON credit_records (decision_date)
      WHERE status IN ('active', 'corrected')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX credit_records_live_by_decision`);
    await runner.query(`DROP INDEX credit_records_licence_valid_until`);
    await runner.query(`DROP INDEX credit_records_commitment_ref`);
    await runner.query(`DROP INDEX credit_records_open_commitments`);
    await runner.query(`DROP TABLE licence_expiry_notices`);
    await runner.query(`DROP TABLE scheduled_job_leases`);
  }
}
