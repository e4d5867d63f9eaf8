import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { validateDismissal } from '../domain/commitment-finding';
import { CommitmentFindingErrorCode } from '../domain/commitment-finding-errors';
import { CommitmentFindingEntity } from '../infrastructure/commitment-finding.entity';
import { assertAcceptingUnit, lockFindingInScope } from './commitment-finding-access';
import { CommitmentFindingView, toCommitmentFindingView } from './commitment-finding-view';
import type { DismissCommitmentFindingCommand } from './decide-commitment-finding.command';

/**
 * The unit that accepted a commitment finds it was not broken (e.g. fulfilled, the fulfilment not
 * recorded in time): the finding is dismissed with the reason and nothing is published. A repeat
 * answers the dismissed finding; a confirmed finding cannot be dismissed (revoke its record instead).
 */
@Injectable()
export class DismissCommitmentFindingHandler {
  constructor(private readonly dataSource: DataSource) {}

  async execute(principal: Principal, request: DismissCommitmentFindingCommand): Promise<{ finding: CommitmentFindingView }> {
    assertScope(principal, Scopes.RecordsWrite);
    const { value, violations } = validateDismissal(request);
    if (!value) throw DomainError.validation(CommitmentFindingErrorCode.Invalid, violations);
    return this.dataSource.transaction(async (manager) => {
      const finding = await lockFindingInScope(manager, principal, request.findingId);
      assertAcceptingUnit(principal, finding);
      if (finding.status === 'dismissed') return { finding: toCommitmentFindingView(finding) };
      if (finding.status !== 'pending') throw DomainError.conflict(CommitmentFindingErrorCode.AlreadyDecided, `The finding was already ${finding.status}.`);
      const decided: Partial<CommitmentFindingEntity> = {
        status: 'dismissed',
        decidedBy: principal.clientId,
        decidedAt: new Date(),
        dismissReason: value.reason,
      };
      await manager.update(CommitmentFindingEntity, { id: finding.id }, decided);
      return { finding: toCommitmentFindingView(Object.assign(finding, decided)) };
    });
  }
}
