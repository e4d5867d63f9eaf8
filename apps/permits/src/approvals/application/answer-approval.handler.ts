import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Events } from '@contracts';
import { assertScope, Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { OutboxPublisher } from '@platform/service';
import type { PermitApplicationView } from '../../applications/application/permit-application.view';
import { answerBlocked, answerViolations, refusalReason, type ApprovalDecision } from '../domain/approval';
import { ApprovalErrorCode } from '../domain/approval-errors';
import { findApplicationWithApprovals, recordAnswer, refuseApplication } from '../infrastructure/province-approvals.repository';
import type { AnswerApprovalCommand } from './answer-approval.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A province on the route (the partner client's region) answers once. A refusal refuses the
 * application at once with that province's reason (decided by the refusing partner); approvals
 * leave the decision to the accepting authority, which may issue once every province approved.
 * Answer, refusal and `permits.approvals.answered` (outbox) are one transaction, the application row locked.
 */
@Injectable()
export class AnswerApprovalHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async execute(principal: Principal, command: AnswerApprovalCommand, now = new Date()): Promise<PermitApplicationView> {
    assertScope(principal, Scopes.ExchangeWrite);
    const violations = answerViolations(command.decision, command.reason);
    if (!UUID.test(command.applicationId)) violations.unshift({ field: 'applicationId', reason: 'a UUID' });
    if (violations.length > 0) {
      throw DomainError.validation(
        ApprovalErrorCode.Invalid,
        violations.map((v) => ({ field: v.field, message: v.reason })),
      );
    }
    return this.dataSource.transaction((manager) =>
      this.answer(manager, principal, command.applicationId, command.decision as ApprovalDecision, command.reason?.trim() || null, now),
    );
  }

  private async answer(
    manager: EntityManager,
    principal: Principal,
    id: string,
    decision: ApprovalDecision,
    reason: string | null,
    now: Date,
  ): Promise<PermitApplicationView> {
    const application = await findApplicationWithApprovals(manager, id, true);
    if (!application) throw DomainError.notFound(ApprovalErrorCode.NotFound, `No permit application ${id}.`);
    const province = principal.region;
    const blocked = answerBlocked({ status: application.status, decided: application.decision !== null, approvals: application.approvals }, province);
    if (blocked === 'not-on-route')
      throw DomainError.forbidden(ApprovalErrorCode.NotOnRoute, `Province ${province} is not asked to approve application ${id}: not on its route.`);
    if (blocked === 'already-answered')
      throw DomainError.conflict(ApprovalErrorCode.AlreadyAnswered, `Province ${province} answered application ${id} already.`);
    if (blocked === 'not-pending')
      throw DomainError.conflict(
        ApprovalErrorCode.NotPending,
        `Application ${id} is no longer waiting for approvals (${application.decision ?? application.status}).`,
      );
    const state = decision === 'approve' ? 'approved' : 'refused';
    await recordAnswer(manager, { applicationId: id, province, state, reason, answeredBy: principal.clientId, answeredAt: now });
    if (state === 'refused') await refuseApplication(manager, id, refusalReason(province, reason ?? ''), principal.clientId);
    await this.outbox.append(manager, Events.PermitApprovalAnswered, {
      subjectId: application.carrierUscc,
      region: application.region,
      occurredAt: now,
      data: {
        applicationId: id,
        acceptingRegion: application.region,
        province,
        decision: state,
        ...(reason ? { reason } : {}),
        applicationRefused: state === 'refused',
        answeredBy: principal.clientId,
        answeredAt: now.toISOString(),
      },
    });
    return (await findApplicationWithApprovals(manager, id))!;
  }
}
