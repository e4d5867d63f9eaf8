import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { requiredText } from '../domain/violation-claim';
import { ViolationClaimEntity } from '../infrastructure/violation-claim.entity';
import { lockViolation, requiredOrThrow } from './violation-access';
import type { DisposeViolationCommand, DisposeViolationResult } from './dispose-violation.command';
import { toViolationView } from './violation-view';
import { ViolationClaimErrorCode } from '../domain/violation-claim-errors';

/** The enterprise records what it did about a violation it claimed, once. */
@Injectable()
export class DisposeViolationHandler {
  constructor(private readonly dataSource: DataSource) {}

  execute(principal: Principal, request: DisposeViolationCommand): Promise<DisposeViolationResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const disposal = requiredOrThrow(requiredText('disposal', request.disposal, 'what the enterprise did about it'));
    return this.dataSource.transaction(async (manager) => {
      const record = await lockViolation(manager, principal, request.recordId);
      const claim = await manager.findOneBy(ViolationClaimEntity, { recordId: record.id });
      if (!claim) throw DomainError.conflict(ViolationClaimErrorCode.NotClaimed, 'Claim the violation before recording its disposal.');
      if (claim.disposedAt) throw DomainError.conflict(ViolationClaimErrorCode.AlreadyDisposed, 'The disposal was already recorded.');
      claim.disposal = disposal;
      claim.disposedBy = principal.clientId;
      claim.disposedAt = new Date();
      await manager.update(ViolationClaimEntity, { recordId: record.id }, { disposal, disposedBy: claim.disposedBy, disposedAt: claim.disposedAt });
      return { violation: toViolationView(record, claim) };
    });
  }
}
