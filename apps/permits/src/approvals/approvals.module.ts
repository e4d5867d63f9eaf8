import { Module } from '@nestjs/common';
import { AnswerApprovalHandler } from './application/answer-approval.handler';
import { EscalateOverdueApprovalsJob } from './application/escalate-overdue-approvals.job';
import { ListPendingApprovalsHandler } from './application/list-pending-approvals.handler';
import { ApprovalsGrpcController } from './interface/approvals.grpc.controller';

/** Cross-province parallel approval (并联审批, issue 18 item 5, ADR 0063): partner provinces answer, overdue ones are escalated. */
@Module({
  controllers: [ApprovalsGrpcController],
  providers: [ListPendingApprovalsHandler, AnswerApprovalHandler, EscalateOverdueApprovalsJob],
})
export class ApprovalsModule {}
