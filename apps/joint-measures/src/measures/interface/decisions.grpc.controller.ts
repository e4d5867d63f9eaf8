import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { DecideHandler } from '../application/decide.handler';
import { toDecideResponse } from './decision.mapper';

@Controller()
@measuresV1.DecisionServiceControllerMethods()
export class DecisionsGrpcController implements measuresV1.DecisionServiceController {
  constructor(private readonly decideHandler: DecideHandler) {}

  async decide(request: measuresV1.DecideRequest, metadata?: Metadata): Promise<measuresV1.DecideResponse> {
    return toDecideResponse(await this.decideHandler.execute(principalFrom(metadata), request));
  }
}
