import type { EntityManager } from 'typeorm';
import type { RepairListEntry } from '../domain/repair-list-entry';

const COLUMNS = `entry_id AS "entryId", list_type AS "listType", subject_kind AS "subjectKind", subject_id AS "subjectId", subject_name AS "subjectName",
  region, status, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", version,
  CASE WHEN partner_region IS NULL THEN NULL ELSE json_build_object('region', partner_region, 'sourceReference', partner_source_reference) END AS partner`;

/** Repair's copy of the list entries (SQL; one row per entry). */
export const RepairListEntriesRepository = {
  /** Inserts or replaces the copy unless the held version is newer (redelivery and reordering change nothing). */
  async upsert(manager: EntityManager, e: RepairListEntry): Promise<void> {
    await manager.query(
      `INSERT INTO repair_list_entries (entry_id, list_type, subject_kind, subject_id, region, status, starts_on, version, subject_name, partner_region, partner_source_reference)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (entry_id) DO UPDATE SET list_type = EXCLUDED.list_type, subject_kind = EXCLUDED.subject_kind, subject_id = EXCLUDED.subject_id,
         region = EXCLUDED.region, status = EXCLUDED.status, starts_on = EXCLUDED.starts_on, version = EXCLUDED.version,
         subject_name = EXCLUDED.subject_name, partner_region = EXCLUDED.partner_region, partner_source_reference = EXCLUDED.partner_source_reference
       WHERE repair_list_entries.version <= EXCLUDED.version`,
      [
        e.entryId,
        e.listType,
        e.subjectKind,
        e.subjectId,
        e.region,
        e.status,
        e.startsOn,
        e.version,
        e.subjectName,
        e.partner?.region ?? null,
        e.partner?.sourceReference ?? null,
      ],
    );
  },

  async find(manager: EntityManager, entryId: string): Promise<RepairListEntry | undefined> {
    const [row]: RepairListEntry[] = await manager.query(`SELECT ${COLUMNS} FROM repair_list_entries WHERE entry_id = $1`, [entryId]);
    return row;
  },
};
