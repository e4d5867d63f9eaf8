import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { CloseCycleHandler } from '../application/close-cycle.handler';
import { GetCycleRankingsQuery } from '../application/get-cycle-rankings.query';
import { GetCycleQuery } from '../application/get-cycle.query';
import { GetPeriodRankingsQuery } from '../application/get-period-rankings.query';

@Controller()
@evaluationV1.CycleServiceControllerMethods()
export class CyclesGrpcController implements evaluationV1.CycleServiceController {
  constructor(
    private readonly closeCycleHandler: CloseCycleHandler,
    private readonly getCycleQuery: GetCycleQuery,
    private readonly getCycleRankingsQuery: GetCycleRankingsQuery,
    private readonly getPeriodRankingsQuery: GetPeriodRankingsQuery,
  ) {}

  getRankings(request: evaluationV1.GetRankingsRequest, metadata?: Metadata): Promise<evaluationV1.GetRankingsResponse> {
    return this.getPeriodRankingsQuery.execute(principalFrom(metadata), request);
  }

  getCycleRankings(request: evaluationV1.GetCycleRankingsRequest, metadata?: Metadata): Promise<evaluationV1.GetCycleRankingsResponse> {
    return this.getCycleRankingsQuery.execute(principalFrom(metadata), request.id, request.by, request.limit);
  }

  async closeCycle(request: evaluationV1.CloseCycleRequest, metadata?: Metadata): Promise<evaluationV1.CloseCycleResponse> {
    const { id, created } = await this.closeCycleHandler.execute(principalFrom(metadata), request.schemeId, request.period);
    return { id, created };
  }

  getCycle(request: evaluationV1.GetCycleRequest, metadata?: Metadata): Promise<evaluationV1.GetCycleResponse> {
    return this.getCycleQuery.execute(principalFrom(metadata), request.id);
  }
}
