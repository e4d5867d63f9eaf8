import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint measures' copy of the subject registry's sectors per enterprise and driver
 * (`credit.registry.enterprises.changed` / `credit.registry.drivers.changed`, ADR 0044), upserted on
 * `revision` (higher wins). Decisions pick their mappings by these sectors, not by the sector a
 * caller names (ADR 0055); a change drops the subject from every replica's decision read cache
 * through the same NOTIFY trigger as the other fact tables (ADR 0025).
 */
export class RegistrySubjects1763700002500 implements MigrationInterface {
  name = 'RegistrySubjects1763700002500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE registry_subjects (
      subject_id text PRIMARY KEY,
      kind text NOT NULL,
      sectors text[] NOT NULL,
      active boolean NOT NULL,
      revision bigint NOT NULL,
      changed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE TRIGGER registry_subjects_facts_changed AFTER INSERT OR UPDATE OR DELETE ON registry_subjects FOR EACH ROW EXECUTE FUNCTION notify_subject_facts_changed()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry_subjects`);
  }
}
