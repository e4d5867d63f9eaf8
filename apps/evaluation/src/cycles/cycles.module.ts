import { Module } from '@nestjs/common';
import { SchemesModule } from '../schemes/schemes.module';
import { CloseCycleHandler } from './application/close-cycle.handler';
import { CycleProcessor } from './application/cycle-processor';
import { GetCycleRankingsQuery } from './application/get-cycle-rankings.query';
import { GetCycleQuery } from './application/get-cycle.query';
import { GetPeriodRankingsQuery } from './application/get-period-rankings.query';
import { CyclesGrpcController } from './interface/cycles.grpc.controller';

/** Cycle close and period rankings: every subject in a scheme's scope graded for a past period, resumable, with its distribution. */
@Module({
  imports: [SchemesModule],
  controllers: [CyclesGrpcController],
  providers: [CloseCycleHandler, CycleProcessor, GetCycleQuery, GetCycleRankingsQuery, GetPeriodRankingsQuery],
})
export class CyclesModule {}
