import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Events } from '@contracts';
import { assertRegionScope, assertScope, hasScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import { RecordErrorCode } from '../domain/record-submission';
import { CreditRecordEntity } from '../infrastructure/credit-record.entity';
import { CreditRecordVersionEntity } from '../infrastructure/credit-record-version.entity';

export interface RevokeRecordResult {
  id: string;
  status: string;
  version: number;
}

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

  async execute(principal: Principal, id: string, rawReason: string): Promise<RevokeRecordResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const reason = rawReason.trim();
    if (!reason || reason.length > 500) {
      throw DomainError.validation(RecordErrorCode.Invalid, [{ field: 'reason', message: 'is required (at most 500 characters)', code: 'REQUIRED' }]);
    }
    const notFound = DomainError.notFound(RecordErrorCode.NotFound, `No credit record ${id}.`);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound;
    return this.dataSource.transaction(async (manager) => {
      const record = await manager.getRepository(CreditRecordEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw notFound;
      try {
        assertRegionScope(principal, record.region);
      } catch {
        throw notFound;
      }
      if (record.sourceClientId !== principal.clientId && !hasScope(principal, Scopes.Admin)) {
        throw DomainError.forbidden(RecordErrorCode.NotProvider, 'Only the unit that provided the record may revoke it.');
      }
      if (record.status === 'revoked') throw DomainError.conflict(RecordErrorCode.AlreadyRevoked, 'The record is already revoked.');
      const now = new Date();
      record.status = 'revoked';
      record.version += 1;
      await manager.update(CreditRecordEntity, { id }, { status: record.status, version: record.version });
      await manager.insert(CreditRecordVersionEntity, { recordId: id, version: record.version, status: record.status, change: 'revoked', reason, changedAt: now, changedBy: principal.clientId });
      await this.outbox.append(manager, Events.CreditRecordRevoked, {
        subjectId: record.subjectId,
        region: record.region,
        data: {
          recordId: id,
          recordType: record.recordType,
          subject: { kind: record.subjectKind as 'org', id: record.subjectId },
          reason,
          version: record.version,
          revokedBy: principal.clientId,
          revokedAt: now.toISOString(),
        },
      });
      return { id, status: record.status, version: record.version };
    });
  }
}
