import { EntityManager } from 'typeorm';
import type { RecordStatus } from '../domain/credit-record';

/** The change a record put back in force after its repair was revoked carries (and `credit.records.updated` announces). */
export const REPAIR_REVOKED_CHANGE = 'repair-revoked';

/** The in-force status (`active` or `corrected`) the record last had before its repair. */
export async function statusBeforeRepair(manager: EntityManager, recordId: string): Promise<RecordStatus> {
  const [row]: { status: RecordStatus }[] = await manager.query(
    `SELECT status FROM credit_record_versions
      WHERE record_id = $1 AND status IN ('active', 'corrected')
        AND version < (SELECT max(version) FROM credit_record_versions WHERE record_id = $1 AND change = 'repaired')
      ORDER BY version DESC LIMIT 1`,
    [recordId],
  );
  return row?.status ?? 'active';
}
