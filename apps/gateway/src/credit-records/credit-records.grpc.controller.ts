import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { gatewayV1 } from '@contracts';
import { Scopes } from '@platform/auth';
import { GrpcFace, GrpcFaceMethod } from '../grpc/grpc-face';
import { RecordSubmissions } from './record-submissions';

const SUBMIT_RECORD: GrpcFaceMethod = { path: '/gateway.v1.CreditRecordsGatewayService/SubmitRecord', scope: Scopes.RecordsWrite, auditAnswered: true };

/** The gateway's gRPC face: bearer token in `authorization` metadata, same rules as REST (GrpcFace). */
@Controller()
@gatewayV1.CreditRecordsGatewayServiceControllerMethods()
export class CreditRecordsGatewayGrpcController implements gatewayV1.CreditRecordsGatewayServiceController {
  constructor(
    private readonly face: GrpcFace,
    private readonly submissions: RecordSubmissions,
  ) {}

  submitRecord(request: gatewayV1.SubmitRecordRequest, metadata?: Metadata): Promise<gatewayV1.SubmitRecordResponse> {
    return this.face.call(SUBMIT_RECORD, metadata, (principal) => this.submissions.submit(principal, request), { idempotencyKey: request.idempotencyKey });
  }
}
