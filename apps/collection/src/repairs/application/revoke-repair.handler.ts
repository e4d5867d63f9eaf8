import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PoisonMessageError } from '@platform/messaging';
import { RecordUpdater } from '../../records/application/record-updater';
import { lockRecord } from '../../records/application/record-access';
import { REPAIR_REVOKED_CHANGE, statusBeforeRepair } from '../../records/application/repair-history';
import { forgetRepairOnOpenObjection } from '../../objections/application/repaired-record';
import type { RevocationOutcome, RevokeRepairCommand } from './revoke-repair.command';

/**
 * A repair revoked by its deciding authority (`repair.records.repair-revoked`, issue 19 item 8:
 * the commitment was false) puts the record back in force: a new version with change
 * `repair-revoked` and the status it had before the repair (`active` or `corrected`), announced as
 * `credit.records.updated` in the same transaction, so disclosure republishes it for the rest of
 * its period and evaluation and joint measures count it again. If an objection opened before the
 * repair is still open, the record is `under-objection` again and the objection remembers the
 * status to return to. A record that is no longer `repaired` (revoked or expired meanwhile)
 * stays as it is.
 */
@Injectable()
export class RevokeRepairHandler {
  constructor(private readonly recordUpdater: RecordUpdater) {}

  async execute(revocation: RevokeRepairCommand, manager: EntityManager): Promise<RevocationOutcome> {
    const record = await lockRecord(manager, revocation.recordId);
    if (!record) throw new PoisonMessageError(`repair revocation ${revocation.applicationId} names unknown record ${revocation.recordId}`);
    if (record.subjectId !== revocation.subjectId) {
      throw new PoisonMessageError(
        `repair revocation ${revocation.applicationId} names subject ${revocation.subjectId}, but record ${record.id} is about ${record.subjectId}`,
      );
    }
    if (record.status !== 'repaired') return 'not-repaired';
    const inForce = await statusBeforeRepair(manager, record.id);
    const objectionOpen = await forgetRepairOnOpenObjection(manager, record.id, inForce);
    await this.recordUpdater.apply(manager, record, {
      status: objectionOpen ? 'under-objection' : inForce,
      change: REPAIR_REVOKED_CHANGE,
      reason: `credit repair ${revocation.applicationId} revoked: ${revocation.reason}`,
      changedBy: revocation.revokedBy,
      changedAt: new Date(revocation.revokedAt),
    });
    return 'restored';
  }
}
