import { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel every replica LISTENs on to drop a subject from its decision read cache. */
export const FACTS_CHANGED_CHANNEL = 'joint_measures_facts';

/**
 * The decision read cache (ADR 0025) is invalidated by NOTIFY from triggers on the tables a
 * decision reads: PostgreSQL delivers a notification only when the transaction that changed the
 * row commits, to every listening session — so every replica drops the subject after the commit,
 * whichever code path (event consumer, API, expiry sweep, a hand-made fix) wrote the row.
 */
export class FactsChangedNotifications1763700000530 implements MigrationInterface {
  name = 'FactsChangedNotifications1763700000530';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE FUNCTION notify_subject_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('${FACTS_CHANGED_CHANNEL}', OLD.subject_id);
        ELSE
          PERFORM pg_notify('${FACTS_CHANGED_CHANNEL}', NEW.subject_id);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['subject_records', 'subject_grades', 'list_entries']) {
      await runner.query(
        `CREATE TRIGGER ${table}_facts_changed AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION notify_subject_facts_changed()`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['subject_records', 'subject_grades', 'list_entries']) await runner.query(`DROP TRIGGER ${table}_facts_changed ON ${table}`);
    await runner.query(`DROP FUNCTION notify_subject_facts_changed()`);
  }
}
