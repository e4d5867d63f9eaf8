import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { gatewayV1, measuresV1 } from '@contracts';
import { assertScope, Scopes } from '@platform/auth';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { TokenService } from '../auth/application/token.service';
import { Upstreams } from '../upstreams';

/** The decision API on the gateway's gRPC face (the permit service's hot path), bearer token in metadata. */
@Controller()
@gatewayV1.MeasuresGatewayServiceControllerMethods()
export class MeasuresGatewayGrpcController implements gatewayV1.MeasuresGatewayServiceController {
  constructor(
    private readonly tokens: TokenService,
    private readonly upstreams: Upstreams,
  ) {}

  decide(request: gatewayV1.DecideRequest, metadata?: Metadata): Promise<gatewayV1.DecideResponse> {
    const header = metadata?.get('authorization')[0]?.toString() ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) throw new DomainError(PlatformErrorCode.Unauthenticated, 'unauthenticated', 'A bearer access token is required in the authorization metadata.');
    const principal = this.tokens.verify(token);
    assertScope(principal, Scopes.MeasuresDecide);
    return this.upstreams.decisions.unary<measuresV1.DecideRequest, measuresV1.DecideResponse>('decide', request, { principal });
  }
}
