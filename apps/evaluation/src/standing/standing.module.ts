import { Module } from '@nestjs/common';
import { SchemesModule } from '../schemes/schemes.module';
import { GetSubjectEvaluationsQuery } from './application/get-subject-evaluations.query';
import { ListEntryEventsHandler } from './application/list-entry-events.handler';
import { RecordEventsHandler } from './application/record-events.handler';
import { StandingCalculator } from './application/standing-calculator';
import { StandingRefresher } from './application/standing-refresher';
import { EvaluationsGrpcController } from './interface/evaluations.grpc.controller';

/** Incremental standings: record and list-entry events in, grades (with explanations) stored and announced. */
@Module({
  imports: [SchemesModule],
  controllers: [EvaluationsGrpcController],
  providers: [StandingCalculator, RecordEventsHandler, ListEntryEventsHandler, GetSubjectEvaluationsQuery, StandingRefresher],
  exports: [StandingCalculator],
})
export class StandingModule {}
