import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { permitsV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { toPermitApplication } from '../../applications/interface/application.mapper';
import { AnswerApprovalHandler } from '../application/answer-approval.handler';
import { ListPendingApprovalsHandler } from '../application/list-pending-approvals.handler';
import { toPermitApprovalRequestView } from './approvals.mapper';

@Controller()
@permitsV1.PermitApprovalServiceControllerMethods()
export class ApprovalsGrpcController implements permitsV1.PermitApprovalServiceController {
  constructor(
    private readonly listPendingApprovalsHandler: ListPendingApprovalsHandler,
    private readonly answerApprovalHandler: AnswerApprovalHandler,
  ) {}

  async listPermitApprovals(request: permitsV1.ListPermitApprovalsRequest, metadata?: Metadata): Promise<permitsV1.ListPermitApprovalsResponse> {
    const approvals = await this.listPendingApprovalsHandler.execute(principalFrom(metadata), { state: request.state });
    return { approvals: approvals.map(toPermitApprovalRequestView) };
  }

  async answerPermitApproval(request: permitsV1.AnswerPermitApprovalRequest, metadata?: Metadata): Promise<permitsV1.AnswerPermitApprovalResponse> {
    const application = await this.answerApprovalHandler.execute(principalFrom(metadata), {
      applicationId: request.applicationId,
      decision: request.decision,
      reason: request.reason || undefined,
    });
    return { application: toPermitApplication(application) };
  }
}
