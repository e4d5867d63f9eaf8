import { EntityManager } from 'typeorm';
import type { ListEntryV1 } from '@contracts';
import { addDays } from '../../engine/domain/cycle';
import type { ListMembership } from '../../engine/domain/evaluate';

/**
 * Evaluation's copy of joint measures' list entries (it never reads joint measures' schema):
 * when each entry is in force, and when evaluation learnt of it and of its removal, so a past
 * instant reads the lists as they were known then.
 */
export const SubjectListsRepository = {
  /**
   * An entry took effect. Ignored when an equal or newer version is already held (a removal
   * that overtook it on its separate consumer): the entry is then never in force here. A newer
   * version of an entry held as removed restores it (a repair revoked: DOMAIN.md §5, everything the
   * repair ended is restored; a partner's entry in force again at its source): the removal is kept
   * as a lapse, so reads as of an instant before the restoration still see it.
   */
  async effective(manager: EntityManager, entry: ListEntryV1, receivedAt: Date): Promise<void> {
    const [held]: { removed: boolean; version: number }[] = await manager.query(
      `SELECT removed_on IS NOT NULL AS removed, version FROM subject_list_entries WHERE entry_id = $1 FOR UPDATE`,
      [entry.entryId],
    );
    if (held?.removed && held.version < entry.version) return restore(manager, entry, receivedAt);
    await manager.query(
      `INSERT INTO subject_list_entries (entry_id, subject_id, list_type, starts_on, ends_on, effective_received_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (entry_id) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, version = EXCLUDED.version
        WHERE subject_list_entries.version < EXCLUDED.version AND subject_list_entries.removed_on IS NULL`,
      [entry.entryId, entry.subject.id, entry.listType, startsOn(entry), entry.endsOn, receivedAt, entry.version],
    );
  },

  /**
   * An entry was removed (repair, expiry, its basis withdrawn): off the list from `removedOn`. An
   * older removal than the version held (overtaken by a restoration on the other consumer) changes nothing.
   */
  async removed(manager: EntityManager, entry: ListEntryV1, receivedAt: Date): Promise<void> {
    const removedOn = entry.removal?.removedOn ?? entry.endsOn ?? startsOn(entry);
    await manager.query(
      `INSERT INTO subject_list_entries (entry_id, subject_id, list_type, starts_on, ends_on, effective_received_at, removed_on, removed_received_at, removal_reason, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8, $9)
       ON CONFLICT (entry_id) DO UPDATE SET removed_on = EXCLUDED.removed_on, removed_received_at = EXCLUDED.removed_received_at, removal_reason = EXCLUDED.removal_reason, version = EXCLUDED.version
        WHERE subject_list_entries.removed_on IS NULL AND subject_list_entries.version < EXCLUDED.version`,
      [
        entry.entryId,
        entry.subject.id,
        entry.listType,
        startsOn(entry),
        entry.endsOn,
        receivedAt,
        removedOn,
        entry.removal?.reason ?? 'removed',
        entry.version,
      ],
    );
  },

  /** Each subject's list entries as known at `at`, as memberships (the days each is in force). */
  async membershipsAt(manager: EntityManager, subjectIds: readonly string[], at: Date): Promise<Map<string, ListMembership[]>> {
    const memberships = new Map<string, ListMembership[]>();
    if (subjectIds.length === 0) return memberships;
    // The removal known at `at`: the entry's own, or a lapse learnt of before `at` and undone after it.
    const rows: { subject_id: string; list_type: string; starts_on: string; ends_on: string | null; removed_on: string | null }[] = await manager.query(
      `SELECT e.subject_id, e.list_type, to_char(e.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(e.ends_on, 'YYYY-MM-DD') AS ends_on,
              to_char(COALESCE(
                CASE WHEN e.removed_received_at < $2::timestamptz + interval '1 millisecond' THEN e.removed_on END,
                (SELECT l.removed_on FROM subject_list_entry_lapses l
                  WHERE l.entry_id = e.entry_id AND l.removed_received_at < $2::timestamptz + interval '1 millisecond'
                    AND l.restored_received_at >= $2::timestamptz + interval '1 millisecond'
                  ORDER BY l.removed_received_at DESC LIMIT 1)
              ), 'YYYY-MM-DD') AS removed_on
         FROM subject_list_entries e WHERE e.subject_id = ANY($1::text[]) AND e.effective_received_at < $2::timestamptz + interval '1 millisecond'
        ORDER BY e.subject_id, e.starts_on, e.entry_id`,
      [subjectIds, at],
    );
    for (const row of rows) {
      // Removed on a day: that day is the first one off the list.
      const lastByRemoval = row.removed_on ? addDays(row.removed_on, -1) : null;
      const until = [row.ends_on, lastByRemoval].filter((d): d is string => d !== null).sort()[0] ?? null;
      const list = memberships.get(row.subject_id) ?? [];
      list.push({ listType: row.list_type, from: row.starts_on, until });
      memberships.set(row.subject_id, list);
    }
    return memberships;
  },
};

/** In force again: the removal becomes a lapse (learnt of then, undone now), the entry takes the newer version's term. */
async function restore(manager: EntityManager, entry: ListEntryV1, receivedAt: Date): Promise<void> {
  await manager.query(
    `INSERT INTO subject_list_entry_lapses (entry_id, removed_on, removed_received_at, restored_received_at, removal_reason)
     SELECT entry_id, removed_on, removed_received_at, $2, removal_reason FROM subject_list_entries WHERE entry_id = $1`,
    [entry.entryId, receivedAt],
  );
  await manager.query(
    `UPDATE subject_list_entries SET starts_on = $2, ends_on = $3, version = $4, removed_on = NULL, removed_received_at = NULL, removal_reason = NULL
      WHERE entry_id = $1`,
    [entry.entryId, startsOn(entry), entry.endsOn, entry.version],
  );
}

/** The first day in force: `startsOn`, or (for an entry recognised without one) the day of its decision or proposal. */
function startsOn(entry: ListEntryV1): string {
  return entry.startsOn ?? entry.decision?.decidedOn ?? entry.proposedOn;
}
