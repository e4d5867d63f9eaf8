import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ListViolationsQuery } from '../application/list-violations.query';
import { ViolationClaimsService } from '../application/violation-claims.service';

@Controller()
@collectionV1.ViolationClaimServiceControllerMethods()
export class ViolationClaimsGrpcController implements collectionV1.ViolationClaimServiceController {
  constructor(
    private readonly claims: ViolationClaimsService,
    private readonly list: ListViolationsQuery,
  ) {}

  listViolations(request: collectionV1.ListViolationsRequest, metadata?: Metadata): Promise<collectionV1.ListViolationsResponse> {
    return this.list.execute(principalFrom(metadata), request);
  }

  claimViolation(request: collectionV1.ClaimViolationRequest, metadata?: Metadata): Promise<collectionV1.ClaimViolationResponse> {
    return this.claims.claim(principalFrom(metadata), request);
  }

  disposeViolation(request: collectionV1.DisposeViolationRequest, metadata?: Metadata): Promise<collectionV1.DisposeViolationResponse> {
    return this.claims.dispose(principalFrom(metadata), request);
  }
}
