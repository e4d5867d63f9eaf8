import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The grades part of the exchange change feed (ADR 0085): every insert or update of a public
 * grade — shown, replaced by a newer grade, withdrawn, shown again — takes the next
 * `change_position` and raises `change_version`, in the same statement (and so the same
 * transaction) as the change of what the public sees. The row is the grade's newest state, so
 * the feed is compacted like the list entries' one (ADR 0068): a reader resumes after the last
 * position it saw. Positions are handed out in commit order (the trigger takes a
 * transaction-scoped advisory lock first), so a reader never skips a change that commits late.
 * Existing grades are numbered in the order they were evaluated, each at version 1.
 */
export class PublicGradeChanges1763700008400 implements MigrationInterface {
  name = 'PublicGradeChanges1763700008400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE public_grade_change_position`);
    await runner.query(`ALTER TABLE public_grades ADD COLUMN change_position bigint, ADD COLUMN change_version int NOT NULL DEFAULT 1`);
    await runner.query(`UPDATE public_grades g SET change_position = o.position
      FROM (SELECT uscc, scheme_id, nextval('public_grade_change_position') AS position
              FROM (SELECT uscc, scheme_id FROM public_grades ORDER BY evaluated_at, uscc, scheme_id) ordered) o
     WHERE g.uscc = o.uscc AND g.scheme_id = o.scheme_id`);
    await runner.query(`ALTER TABLE public_grades ALTER COLUMN change_position SET NOT NULL`);
    await runner.query(`CREATE UNIQUE INDEX public_grades_change_position ON public_grades (change_position)`);
    // The sequence named with its schema: the trigger also fires for sessions with another search_path.
    const [{ schema }]: { schema: string }[] = await runner.query(`SELECT current_schema() AS schema`);
    const sequence = `${schema}.public_grade_change_position`.replace(/'/g, "''");
    await runner.query(`CREATE FUNCTION public_grade_next_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('${sequence}'));
        NEW.change_position := nextval('${sequence}');
        NEW.change_version := CASE WHEN TG_OP = 'UPDATE' THEN OLD.change_version + 1 ELSE 1 END;
        RETURN NEW;
      END $$`);
    await runner.query(
      `CREATE TRIGGER public_grades_change_position BEFORE INSERT OR UPDATE ON public_grades FOR EACH ROW EXECUTE FUNCTION public_grade_next_change()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER public_grades_change_position ON public_grades`);
    await runner.query(`DROP FUNCTION public_grade_next_change()`);
    await runner.query(`ALTER TABLE public_grades DROP COLUMN change_position, DROP COLUMN change_version`);
    await runner.query(`DROP SEQUENCE public_grade_change_position`);
  }
}
