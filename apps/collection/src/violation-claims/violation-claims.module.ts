import { Module } from '@nestjs/common';
import { ClaimViolationHandler } from './application/claim-violation.handler';
import { DisposeViolationHandler } from './application/dispose-violation.handler';
import { ListViolationsHandler } from './application/list-violations.handler';
import { ViolationClaimsGrpcController } from './interface/violation-claims.grpc.controller';

/** Monitoring violations pushed to enterprises: claimed, then disposed (认领、处置). */
@Module({
  controllers: [ViolationClaimsGrpcController],
  providers: [ClaimViolationHandler, DisposeViolationHandler, ListViolationsHandler],
})
export class ViolationClaimsModule {}
