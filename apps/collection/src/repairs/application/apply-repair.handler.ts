import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PoisonMessageError } from '@platform/messaging';
import { RecordUpdater } from '../../records/application/record-updater';
import { lockRecord } from '../../records/application/record-access';
import type { RecordStatus } from '../../records/domain/credit-record';
import { rememberRepairOnOpenObjection } from '../../objections/application/repaired-record';
import type { ApplyRepairCommand, RepairOutcome } from './apply-repair.command';

/** Statuses in which a record is still in force, so a repair ends its publication early. */
export const REPAIRABLE_STATUSES: readonly RecordStatus[] = ['active', 'corrected', 'under-objection'];

/**
 * A repair approved by the deciding authority (`repair.records.repaired`, DOMAIN.md §5) ends the
 * record's publicity early: a new `repaired` version, announced as `credit.records.updated`
 * (status `repaired`) in the same transaction, which disclosure, evaluation and joint measures act
 * on. A record that is already revoked or expired stays as it is (the repair changes nothing the
 * public sees). A record under objection becomes `repaired`, and the open objection remembers
 * that, so rejecting the objection later returns the record to `repaired`, not to `active`.
 */
@Injectable()
export class ApplyRepairHandler {
  constructor(private readonly recordUpdater: RecordUpdater) {}

  async execute(repair: ApplyRepairCommand, manager: EntityManager): Promise<RepairOutcome> {
    const record = await lockRecord(manager, repair.recordId);
    if (!record) throw new PoisonMessageError(`repair ${repair.applicationId} names unknown record ${repair.recordId}`);
    if (record.subjectId !== repair.subjectId) {
      throw new PoisonMessageError(`repair ${repair.applicationId} names subject ${repair.subjectId}, but record ${record.id} is about ${record.subjectId}`);
    }
    if (record.status === 'repaired') return 'already-repaired';
    if (!REPAIRABLE_STATUSES.includes(record.status)) return 'no-longer-in-force';
    if (record.status === 'under-objection') {
      await rememberRepairOnOpenObjection(manager, record.id);
    }
    await this.recordUpdater.apply(manager, record, {
      status: 'repaired',
      change: 'repaired',
      reason: `credit repair ${repair.applicationId} (${repair.path}): ${repair.reason}`,
      changedBy: repair.decidedBy,
      changedAt: new Date(repair.decidedAt),
    });
    return 'repaired';
  }
}
