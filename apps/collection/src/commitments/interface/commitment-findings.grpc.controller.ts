import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ConfirmCommitmentFindingHandler } from '../application/confirm-commitment-finding.handler';
import { DismissCommitmentFindingHandler } from '../application/dismiss-commitment-finding.handler';
import { ListCommitmentFindingsHandler } from '../application/list-commitment-findings.handler';

@Controller()
@collectionV1.CommitmentFindingServiceControllerMethods()
export class CommitmentFindingsGrpcController implements collectionV1.CommitmentFindingServiceController {
  constructor(
    private readonly listHandler: ListCommitmentFindingsHandler,
    private readonly confirmHandler: ConfirmCommitmentFindingHandler,
    private readonly dismissHandler: DismissCommitmentFindingHandler,
  ) {}

  listCommitmentFindings(request: collectionV1.ListCommitmentFindingsRequest, metadata?: Metadata): Promise<collectionV1.ListCommitmentFindingsResponse> {
    return this.listHandler.execute(principalFrom(metadata), request);
  }

  confirmCommitmentFinding(request: collectionV1.ConfirmCommitmentFindingRequest, metadata?: Metadata): Promise<collectionV1.ConfirmCommitmentFindingResponse> {
    return this.confirmHandler.execute(principalFrom(metadata), request);
  }

  dismissCommitmentFinding(request: collectionV1.DismissCommitmentFindingRequest, metadata?: Metadata): Promise<collectionV1.DismissCommitmentFindingResponse> {
    return this.dismissHandler.execute(principalFrom(metadata), request);
  }
}
