import { Module } from '@nestjs/common';
import { SchemesModule } from '../schemes/schemes.module';
import { ApplyListEntryEventHandler } from './application/apply-list-entry-event.handler';
import { ApplyRecordEventHandler } from './application/apply-record-event.handler';
import { ApplyRegistryEventHandler } from './application/apply-registry-event.handler';
import { GetSubjectEvaluationsHandler } from './application/get-subject-evaluations.handler';
import { StandingCalculator } from './application/standing-calculator';
import { RefreshStandingsJob } from './application/refresh-standings.job';
import { EvaluationsGrpcController } from './interface/evaluations.grpc.controller';
import { ListEntryEventsConsumer } from './interface/list-entry-events.consumer';
import { RecordEventsConsumer } from './interface/record-events.consumer';
import { RegistryEventsConsumer } from './interface/registry-events.consumer';

/** Incremental standings: record, list-entry and registry events in, grades (with explanations) stored and announced. */
@Module({
  imports: [SchemesModule],
  controllers: [EvaluationsGrpcController],
  providers: [
    StandingCalculator,
    ApplyRecordEventHandler,
    ApplyListEntryEventHandler,
    RecordEventsConsumer,
    ListEntryEventsConsumer,
    ApplyRegistryEventHandler,
    RegistryEventsConsumer,
    GetSubjectEvaluationsHandler,
    RefreshStandingsJob,
  ],
  exports: [StandingCalculator],
})
export class StandingModule {}
