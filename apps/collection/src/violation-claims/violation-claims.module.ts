import { Module } from '@nestjs/common';
import { ListViolationsQuery } from './application/list-violations.query';
import { ViolationClaimsService } from './application/violation-claims.service';
import { ViolationClaimsGrpcController } from './interface/violation-claims.grpc.controller';

/** Monitoring violations pushed to enterprises: claimed, then disposed (认领、处置). */
@Module({
  controllers: [ViolationClaimsGrpcController],
  providers: [ViolationClaimsService, ListViolationsQuery],
})
export class ViolationClaimsModule {}
