import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed of list entries (issue 20 item 2, ADR 0068): every insert or update of an entry
 * takes the next `change_seq`, so a reader resumes after the last one it saw and always gets an
 * entry's newest state (a compacted log: a state superseded before it was read is not replayed). Sequence values are
 * handed out in commit order: the trigger takes a transaction-scoped advisory lock first, so a
 * transaction that took a lower number has committed before a higher one is taken — a reader never
 * skips a change that commits late. List writes are few (entries, decisions, removals), so
 * serialising them costs nothing that matters.
 */
export class ListEntryChanges1763700006010 implements MigrationInterface {
  name = 'ListEntryChanges1763700006010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE list_entry_change_seq`);
    await runner.query(`ALTER TABLE list_entries ADD COLUMN change_seq bigint`);
    await runner.query(`UPDATE list_entries SET change_seq = nextval('list_entry_change_seq')`);
    await runner.query(`ALTER TABLE list_entries ALTER COLUMN change_seq SET NOT NULL`);
    await runner.query(`CREATE UNIQUE INDEX list_entries_change_seq ON list_entries (change_seq)`);
    // The sequence named with its schema: the trigger also fires for sessions with another search_path.
    const [{ schema }]: { schema: string }[] = await runner.query(`SELECT current_schema() AS schema`);
    const sequence = `${schema}.list_entry_change_seq`.replace(/'/g, "''");
    await runner.query(`CREATE FUNCTION list_entry_next_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('${sequence}'));
        NEW.change_seq := nextval('${sequence}');
        RETURN NEW;
      END $$`);
    await runner.query(`CREATE TRIGGER list_entries_change_seq BEFORE INSERT OR UPDATE ON list_entries FOR EACH ROW EXECUTE FUNCTION list_entry_next_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER list_entries_change_seq ON list_entries`);
    await runner.query(`DROP FUNCTION list_entry_next_change()`);
    await runner.query(`ALTER TABLE list_entries DROP COLUMN change_seq`);
    await runner.query(`DROP SEQUENCE list_entry_change_seq`);
  }
}
