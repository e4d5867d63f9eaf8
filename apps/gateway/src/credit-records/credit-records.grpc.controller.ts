import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import { gatewayV1 } from '@contracts';
import { Scopes } from '@platform/auth';
import { GrpcFace, GrpcFaceMethod } from '../grpc/grpc-face';
import { RecordSubmissions } from './record-submissions';

const SUBMIT_RECORD: GrpcFaceMethod = { path: '/gateway.v1.CreditRecordsGatewayService/SubmitRecord', scope: Scopes.RecordsWrite, auditAnswered: true };

/** The gateway's gRPC face: bearer token in `authorization` metadata, same rules as REST (GrpcFace). */
// The service has REST twins too (ADR 0078), so its methods are bound one by one: the generated
// ControllerMethods() decorator would bind every RPC of the service to this class.
@Controller()
export class CreditRecordsGatewayGrpcController implements Pick<gatewayV1.CreditRecordsGatewayServiceController, 'submitRecord'> {
  constructor(
    private readonly face: GrpcFace,
    private readonly submissions: RecordSubmissions,
  ) {}

  @GrpcMethod('CreditRecordsGatewayService', 'submitRecord')
  submitRecord(request: gatewayV1.SubmitRecordRequest, metadata?: Metadata): Promise<gatewayV1.SubmitRecordResponse> {
    return this.face.call(SUBMIT_RECORD, metadata, (principal) => this.submissions.submit(principal, request), { idempotencyKey: request.idempotencyKey });
  }
}
