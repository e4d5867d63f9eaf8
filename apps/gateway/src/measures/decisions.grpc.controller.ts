import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import { gatewayV1 } from '@contracts';
import { Scopes } from '@platform/auth';
import { GrpcFace, GrpcFaceMethod } from '../grpc/grpc-face';
import { Upstreams } from '../upstreams';
import { decisionSubjectId } from './decision.mapper';

/** Answered decisions are in joint measures' decision log (ADR 0035); refusals are audited here. */
const DECIDE: GrpcFaceMethod = { path: '/gateway.v1.MeasuresGatewayService/Decide', scope: Scopes.MeasuresDecide, auditAnswered: false };

/** The decision API on the gateway's gRPC face (the permit service's hot path), bearer token in metadata. */
// The service has REST twins too (ADR 0078), so its methods are bound one by one: the generated
// ControllerMethods() decorator would bind every RPC of the service to this class.
@Controller()
export class MeasuresGatewayGrpcController implements Pick<gatewayV1.MeasuresGatewayServiceController, 'decide'> {
  constructor(
    private readonly face: GrpcFace,
    private readonly upstreams: Upstreams,
  ) {}

  @GrpcMethod('MeasuresGatewayService', 'decide')
  decide(request: gatewayV1.DecideRequest, metadata?: Metadata): Promise<gatewayV1.DecideResponse> {
    return this.face.call(DECIDE, metadata, (principal) =>
      this.upstreams.decisions.decide({ ...request, subjectId: decisionSubjectId(request.subjectId) }, { principal }),
    );
  }
}
