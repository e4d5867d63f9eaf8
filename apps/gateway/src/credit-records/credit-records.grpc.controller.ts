import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1, gatewayV1 } from '@contracts';
import { assertScope, Scopes } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { TokenService } from '../auth/application/token.service';
import { Upstreams } from '../upstreams';

/** The gateway's gRPC face: bearer token in `authorization` metadata, same rules as REST. */
@Controller()
@gatewayV1.CreditRecordsGatewayServiceControllerMethods()
export class CreditRecordsGatewayGrpcController implements gatewayV1.CreditRecordsGatewayServiceController {
  constructor(
    private readonly tokens: TokenService,
    private readonly upstreams: Upstreams,
  ) {}

  submitRecord(request: gatewayV1.SubmitRecordRequest, metadata?: Metadata): Promise<gatewayV1.SubmitRecordResponse> {
    const header = metadata?.get('authorization')[0]?.toString() ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) throw new DomainError(PlatformErrorCode.Unauthenticated, 'unauthenticated', 'A bearer access token is required in the authorization metadata.');
    const principal = this.tokens.verify(token);
    assertScope(principal, Scopes.RecordsWrite);
    return this.upstreams.creditRecords.unary<collectionV1.SubmitRecordRequest, collectionV1.SubmitRecordResponse>('submitRecord', request, { principal });
  }
}
