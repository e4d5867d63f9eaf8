import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation's copy of the subject registry (主体库, owned by collection), fed by
 * `credit.registry.enterprises.changed` and `credit.registry.drivers.changed` (ADR 0044): one row
 * per enterprise (USCC, kind org) or driver (citizen id, kind person), the whole current
 * registration, upserted on `revision` (higher wins). Schemes read it for their sectors (which
 * subjects they grade), tenure caps (`registered_on`: an enterprise's registration date, a
 * driver's qualification date) and the credit statuses. Drivers have no credit statuses (null).
 */
export class RegistrySubjects1763700001400 implements MigrationInterface {
  name = 'RegistrySubjects1763700001400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry_subjects (
      subject_id text PRIMARY KEY,
      subject_kind text NOT NULL CHECK (subject_kind IN ('org', 'person')),
      region text NOT NULL,
      sectors text[] NOT NULL DEFAULT '{}',
      registered_on date,
      credit_registered boolean,
      credit_committed boolean,
      credit_self_assessed boolean,
      active boolean NOT NULL,
      revision bigint NOT NULL,
      changed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry_subjects`);
  }
}
