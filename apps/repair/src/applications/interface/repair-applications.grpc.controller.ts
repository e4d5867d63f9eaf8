import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { repairV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ApplyForRepairHandler } from '../application/apply-for-repair.handler';
import { DecideRepairApplicationHandler } from '../application/decide-repair-application.handler';
import { ListRepairApplicationsHandler } from '../application/list-repair-applications.handler';
import { PartnerForwardingHandler } from '../application/partner-forwarding.handler';
import { GetPartnerRepairApplicationHandler } from '../application/get-partner-repair-application.handler';
import { ReceivePartnerRepairApplicationHandler } from '../application/receive-partner-repair-application.handler';
import { RevokeRepairApplicationHandler } from '../application/revoke-repair-application.handler';

@Controller()
@repairV1.RepairApplicationServiceControllerMethods()
export class RepairApplicationsGrpcController implements repairV1.RepairApplicationServiceController {
  constructor(
    private readonly applyHandler: ApplyForRepairHandler,
    private readonly listHandler: ListRepairApplicationsHandler,
    private readonly decideHandler: DecideRepairApplicationHandler,
    private readonly revokeHandler: RevokeRepairApplicationHandler,
    private readonly receiveHandler: ReceivePartnerRepairApplicationHandler,
    private readonly getPartnerHandler: GetPartnerRepairApplicationHandler,
    private readonly forwarding: PartnerForwardingHandler,
  ) {}

  async listDueForwards(request: repairV1.ListDueForwardsRequest, metadata?: Metadata): Promise<repairV1.ListDueForwardsResponse> {
    return { forwards: await this.forwarding.due(principalFrom(metadata), request.limit || 20) };
  }

  async noteForwardProgress(request: repairV1.NoteForwardProgressRequest, metadata?: Metadata): Promise<repairV1.NoteForwardProgressResponse> {
    await this.forwarding.progress(principalFrom(metadata), {
      applicationId: request.applicationId,
      partnerApplicationId: request.partnerApplicationId,
      failure: request.failure,
      retryInMs: Number(request.retryInMs),
    });
    return {};
  }

  async applyPartnerAnswer(request: repairV1.ApplyPartnerAnswerRequest, metadata?: Metadata): Promise<repairV1.ApplyPartnerAnswerResponse> {
    return { application: await this.forwarding.answer(principalFrom(metadata), request) };
  }

  async applyPartnerRevocation(request: repairV1.ApplyPartnerRevocationRequest, metadata?: Metadata): Promise<repairV1.ApplyPartnerRevocationResponse> {
    return { application: await this.forwarding.revocation(principalFrom(metadata), request) };
  }

  receivePartnerRepairApplication(
    request: repairV1.ReceivePartnerRepairApplicationRequest,
    metadata?: Metadata,
  ): Promise<repairV1.ReceivePartnerRepairApplicationResponse> {
    return this.receiveHandler.execute(principalFrom(metadata), {
      // Absent: a record, as before list entries were routed (ADR 0088).
      targetKind: request.targetKind || 'record',
      recordId: request.recordId,
      subjectId: request.subjectId,
      commitment: request.commitment,
      evidence: request.evidence ?? [],
      reference: request.reference,
    });
  }

  async getPartnerRepairApplication(
    request: repairV1.GetPartnerRepairApplicationRequest,
    metadata?: Metadata,
  ): Promise<repairV1.GetPartnerRepairApplicationResponse> {
    return { application: await this.getPartnerHandler.execute(principalFrom(metadata), request.applicationId) };
  }

  applyForRepair(request: repairV1.ApplyForRepairRequest, metadata?: Metadata): Promise<repairV1.ApplyForRepairResponse> {
    return this.applyHandler.execute(principalFrom(metadata), {
      recordId: request.recordId,
      commitment: request.commitment,
      evidence: request.evidence ?? [],
      idempotencyKey: request.idempotencyKey || undefined,
    });
  }

  async listRepairApplications(request: repairV1.ListRepairApplicationsRequest, metadata?: Metadata): Promise<repairV1.ListRepairApplicationsResponse> {
    return { applications: await this.listHandler.execute(principalFrom(metadata), { status: request.status ?? '' }) };
  }

  decideRepairApplication(request: repairV1.DecideRepairApplicationRequest, metadata?: Metadata): Promise<repairV1.DecideRepairApplicationResponse> {
    return this.decideHandler.execute(principalFrom(metadata), {
      applicationId: request.applicationId,
      outcome: request.outcome,
      reason: request.reason,
      idempotencyKey: request.idempotencyKey || undefined,
    });
  }

  revokeRepairApplication(request: repairV1.RevokeRepairApplicationRequest, metadata?: Metadata): Promise<repairV1.RevokeRepairApplicationResponse> {
    return this.revokeHandler.execute(principalFrom(metadata), {
      applicationId: request.applicationId,
      reason: request.reason,
      idempotencyKey: request.idempotencyKey || undefined,
    });
  }
}
