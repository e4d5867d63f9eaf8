import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PermitRevokedV1 } from '@contracts';
import { lockRecord } from '../../records/application/record-access';
import { RevokeRecordHandler } from '../../records/application/revoke-record.handler';
import { LICENCE_RECORD_TYPE } from './record-permit-licence.handler';

/** Not yet recorded: the issued event is consumed by another durable and may come second; retried (nak with backoff). */
export class PermitLicenceNotYetRecorded extends Error {}

/**
 * A revoked permit (`permits.permit.revoked`) withdraws its licence record: the record's `revoked`
 * version and `credit.records.revoked`, so disclosure stops publishing it as a valid licence (双公示).
 * The record is the one `RecordPermitLicenceHandler` stored (source `permits:<authority USCC>`,
 * source record id = the permit number). A record already revoked stays as it is (redelivery).
 */
@Injectable()
export class WithdrawPermitLicenceHandler {
  constructor(private readonly revoke: RevokeRecordHandler) {}

  async execute(manager: EntityManager, event: PermitRevokedV1): Promise<'revoked' | 'already-revoked'> {
    const [found]: { id: string }[] = await manager.query(
      `SELECT id FROM credit_records WHERE record_type = $1 AND source_record_id = $2 AND source_client_id LIKE 'permits:%'`,
      [LICENCE_RECORD_TYPE, event.permitNo],
    );
    const record = found ? await lockRecord(manager, found.id) : null;
    if (!record) throw new PermitLicenceNotYetRecorded(`licence record of permit ${event.permitNo} not stored yet`);
    if (record.status === 'revoked') return 'already-revoked';
    await this.revoke.revokeLocked(manager, record, `许可撤销（${event.permitNo}）：${event.reason}`, record.sourceClientId);
    return 'revoked';
  }
}
