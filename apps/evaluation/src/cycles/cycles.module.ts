import { Module } from '@nestjs/common';
import { SchemesModule } from '../schemes/schemes.module';
import { CloseCycleHandler } from './application/close-cycle.handler';
import { ClosedCycleResults } from './application/closed-cycle-results';
import { GetCycleRankingsHandler } from './application/get-cycle-rankings.handler';
import { GetCycleHandler } from './application/get-cycle.handler';
import { GetPeriodRankingsHandler } from './application/get-period-rankings.handler';
import { ProcessCyclesJob } from './application/process-cycles.job';
import { CyclesGrpcController } from './interface/cycles.grpc.controller';

/** Cycle close and period rankings: every subject in a scheme's scope graded for a past period, resumable, with its distribution. */
@Module({
  imports: [SchemesModule],
  controllers: [CyclesGrpcController],
  providers: [CloseCycleHandler, ProcessCyclesJob, GetCycleHandler, GetCycleRankingsHandler, GetPeriodRankingsHandler, ClosedCycleResults],
  exports: [ClosedCycleResults],
})
export class CyclesModule {}
