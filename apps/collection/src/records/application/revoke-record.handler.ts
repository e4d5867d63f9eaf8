import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { assertScope, hasScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import type { CreditRecord } from '../domain/credit-record';
import { lockRecordInScope } from './record-access';
import { appendRecordVersion } from '../infrastructure/record-history';

import type { RevokeRecordCommand, RevokeRecordResult } from './revoke-record.command';
import { RecordErrorCode } from '../domain/record-errors';

/**
 * The providing unit withdraws a record (谁提供、谁负责: only the client that submitted it, or an
 * admin). The record is not deleted: a new version with status `revoked` is appended, and
 * `credit.records.revoked` tells disclosure and the others to stop using it.
 */
@Injectable()
export class RevokeRecordHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async execute(principal: Principal, { id, reason: rawReason }: RevokeRecordCommand): Promise<RevokeRecordResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const reason = rawReason.trim();
    if (!reason || reason.length > 500) {
      throw DomainError.validation(RecordErrorCode.Invalid, [{ field: 'reason', message: 'is required (at most 500 characters)', code: 'REQUIRED' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const record = await lockRecordInScope(manager, principal, id);
      if (record.sourceClientId !== principal.clientId && !hasScope(principal, Scopes.Admin)) {
        throw DomainError.forbidden(RecordErrorCode.NotProvider, 'Only the unit that provided the record may revoke it.');
      }
      if (record.status === 'revoked') throw DomainError.conflict(RecordErrorCode.AlreadyRevoked, 'The record is already revoked.');
      if (record.status === 'under-objection') {
        throw DomainError.conflict(
          RecordErrorCode.UnderObjection,
          'The record is under objection: resolve the objection (upheld without a correction revokes it).',
        );
      }
      return this.revokeLocked(manager, record, reason, principal.clientId);
    });
  }

  /** Revokes a record the caller has locked (also used when an objection is upheld without a correction). */
  async revokeLocked(manager: EntityManager, record: CreditRecord, reason: string, revokedBy: string): Promise<RevokeRecordResult> {
    const now = new Date();
    await appendRecordVersion(manager, record, { status: 'revoked', change: 'revoked', reason, changedAt: now, changedBy: revokedBy });
    const id = record.id;
    await this.outbox.append(manager, Events.CreditRecordRevoked, {
      subjectId: record.subjectId,
      region: record.region,
      data: {
        recordId: id,
        recordType: record.recordType,
        subject: { kind: record.subjectKind, id: record.subjectId },
        reason,
        version: record.version,
        revokedBy,
        revokedAt: now.toISOString(),
      },
    });
    return { id, status: record.status, version: record.version };
  }
}
