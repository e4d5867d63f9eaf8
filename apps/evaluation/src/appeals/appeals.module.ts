import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module';
import { StandingModule } from '../standing/standing.module';
import { DecideAppealHandler } from './application/decide-appeal.handler';
import { GetAppealHandler } from './application/get-appeal.handler';
import { OpenAppealHandler } from './application/open-appeal.handler';
import { AppealsGrpcController } from './interface/appeals.grpc.controller';

/** Grade appeals (信用评价申诉/复核, ADR 0054): opened by the subject's region, decided by the scheme's owner, upheld ones re-grade. */
@Module({
  imports: [StandingModule, CyclesModule],
  controllers: [AppealsGrpcController],
  providers: [OpenAppealHandler, GetAppealHandler, DecideAppealHandler],
})
export class AppealsModule {}
