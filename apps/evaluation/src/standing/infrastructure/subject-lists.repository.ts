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
   * that overtook it on its separate consumer): the entry is then never in force here.
   */
  async effective(manager: EntityManager, entry: ListEntryV1, receivedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO subject_list_entries (entry_id, subject_id, list_type, starts_on, ends_on, effective_received_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (entry_id) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, version = EXCLUDED.version
        WHERE subject_list_entries.version < EXCLUDED.version AND subject_list_entries.removed_on IS NULL`,
      [entry.entryId, entry.subject.id, entry.listType, startsOn(entry), entry.endsOn, receivedAt, entry.version],
    );
  },

  /** An entry was removed (repair, expiry, its basis withdrawn): off the list from `removedOn`. */
  async removed(manager: EntityManager, entry: ListEntryV1, receivedAt: Date): Promise<void> {
    const removedOn = entry.removal?.removedOn ?? entry.endsOn ?? startsOn(entry);
    await manager.query(
      `INSERT INTO subject_list_entries (entry_id, subject_id, list_type, starts_on, ends_on, effective_received_at, removed_on, removed_received_at, removal_reason, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8, $9)
       ON CONFLICT (entry_id) DO UPDATE SET removed_on = EXCLUDED.removed_on, removed_received_at = EXCLUDED.removed_received_at, removal_reason = EXCLUDED.removal_reason, version = EXCLUDED.version
        WHERE subject_list_entries.removed_on IS NULL`,
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
    const rows: { subject_id: string; list_type: string; starts_on: string; ends_on: string | null; removed_on: string | null }[] = await manager.query(
      `SELECT subject_id, list_type, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
              CASE WHEN removed_received_at < $2::timestamptz + interval '1 millisecond' THEN to_char(removed_on, 'YYYY-MM-DD') END AS removed_on
         FROM subject_list_entries WHERE subject_id = ANY($1::text[]) AND effective_received_at < $2::timestamptz + interval '1 millisecond'
        ORDER BY subject_id, starts_on, entry_id`,
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

/** The first day in force: `startsOn`, or (for an entry recognised without one) the day of its decision or proposal. */
function startsOn(entry: ListEntryV1): string {
  return entry.startsOn ?? entry.decision?.decidedOn ?? entry.proposedOn;
}
