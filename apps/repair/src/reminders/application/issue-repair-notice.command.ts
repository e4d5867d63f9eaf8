import type { RepairRecord } from '../../records/domain/repair-record';

/** A record just received from collection, for which a repair notice may be due. */
export type IssueRepairNoticeCommand = RepairRecord;
