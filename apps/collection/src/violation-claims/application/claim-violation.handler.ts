import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { requiredText } from '../domain/violation-claim';
import { ViolationClaimEntity } from '../infrastructure/violation-claim.entity';
import { lockViolation, requiredOrThrow } from './violation-access';
import type { ClaimViolationCommand, ClaimViolationResult } from './claim-violation.command';
import { toViolationView } from './violation-view';
import { ViolationClaimErrorCode } from '../domain/violation-claim-errors';

/**
 * A monitoring violation is pushed to the enterprise concerned (it appears in its list as
 * unclaimed); the enterprise claims it, once.
 */
@Injectable()
export class ClaimViolationHandler {
  constructor(private readonly dataSource: DataSource) {}

  execute(principal: Principal, request: ClaimViolationCommand): Promise<ClaimViolationResult> {
    assertScope(principal, Scopes.RecordsWrite);
    const claimant = requiredOrThrow(requiredText('claimant', request.claimant, 'who at the enterprise claims it'));
    return this.dataSource.transaction(async (manager) => {
      const record = await lockViolation(manager, principal, request.recordId);
      const existing = await manager.findOneBy(ViolationClaimEntity, { recordId: record.id });
      if (existing) throw DomainError.conflict(ViolationClaimErrorCode.AlreadyClaimed, `The violation was already claimed by ${existing.claimant}.`);
      const claim = manager.create(ViolationClaimEntity, {
        recordId: record.id,
        claimedBy: principal.clientId,
        claimant,
        claimedAt: new Date(),
        disposal: null,
        disposedBy: null,
        disposedAt: null,
      });
      await manager.insert(ViolationClaimEntity, claim);
      return { violation: toViolationView(record, claim) };
    });
  }
}
