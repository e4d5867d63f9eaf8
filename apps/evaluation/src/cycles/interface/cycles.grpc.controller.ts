import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { CloseCycleHandler } from '../application/close-cycle.handler';
import { GetCycleRankingsHandler } from '../application/get-cycle-rankings.handler';
import { GetCycleHandler } from '../application/get-cycle.handler';
import { GetPeriodRankingsHandler } from '../application/get-period-rankings.handler';

@Controller()
@evaluationV1.CycleServiceControllerMethods()
export class CyclesGrpcController implements evaluationV1.CycleServiceController {
  constructor(
    private readonly closeCycleHandler: CloseCycleHandler,
    private readonly getCycleHandler: GetCycleHandler,
    private readonly getCycleRankingsHandler: GetCycleRankingsHandler,
    private readonly getPeriodRankingsHandler: GetPeriodRankingsHandler,
  ) {}

  getRankings(request: evaluationV1.GetRankingsRequest, metadata?: Metadata): Promise<evaluationV1.GetRankingsResponse> {
    const { schemeId, periodKind, period, by, limit } = request;
    return this.getPeriodRankingsHandler.execute(principalFrom(metadata), { schemeId, periodKind, period, by, limit });
  }

  getCycleRankings(request: evaluationV1.GetCycleRankingsRequest, metadata?: Metadata): Promise<evaluationV1.GetCycleRankingsResponse> {
    return this.getCycleRankingsHandler.execute(principalFrom(metadata), { id: request.id, by: request.by, limit: request.limit });
  }

  async closeCycle(request: evaluationV1.CloseCycleRequest, metadata?: Metadata): Promise<evaluationV1.CloseCycleResponse> {
    const { id, created } = await this.closeCycleHandler.execute(principalFrom(metadata), { schemeId: request.schemeId, period: request.period });
    return { id, created };
  }

  getCycle(request: evaluationV1.GetCycleRequest, metadata?: Metadata): Promise<evaluationV1.GetCycleResponse> {
    return this.getCycleHandler.execute(principalFrom(metadata), { id: request.id });
  }
}
