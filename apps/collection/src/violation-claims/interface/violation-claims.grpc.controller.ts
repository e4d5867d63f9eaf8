import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ListViolationsHandler } from '../application/list-violations.handler';
import { ClaimViolationHandler } from '../application/claim-violation.handler';
import { DisposeViolationHandler } from '../application/dispose-violation.handler';

@Controller()
@collectionV1.ViolationClaimServiceControllerMethods()
export class ViolationClaimsGrpcController implements collectionV1.ViolationClaimServiceController {
  constructor(
    private readonly claimHandler: ClaimViolationHandler,
    private readonly disposeHandler: DisposeViolationHandler,
    private readonly list: ListViolationsHandler,
  ) {}

  listViolations(request: collectionV1.ListViolationsRequest, metadata?: Metadata): Promise<collectionV1.ListViolationsResponse> {
    return this.list.execute(principalFrom(metadata), request);
  }

  claimViolation(request: collectionV1.ClaimViolationRequest, metadata?: Metadata): Promise<collectionV1.ClaimViolationResponse> {
    return this.claimHandler.execute(principalFrom(metadata), request);
  }

  disposeViolation(request: collectionV1.DisposeViolationRequest, metadata?: Metadata): Promise<collectionV1.DisposeViolationResponse> {
    return this.disposeHandler.execute(principalFrom(metadata), request);
  }
}
