import { forwardRef, Module } from '@nestjs/common';
import { FactsCacheModule } from '../facts-cache/facts-cache.module';
import { ListsModule } from '../lists/lists.module';
import { ApplyRecordFactsHandler } from './application/apply-record-facts.handler';
import { ApplyRegistryVehiclesHandler } from './application/apply-registry-vehicles.handler';
import { EntryRuleEngine } from './application/entry-rule-engine';
import { EntryRuleStore } from './application/entry-rule-store';
import { subjectRecordsProvider, SUBJECT_RECORDS } from './application/entry-rules.tokens';
import { GetEntryRulesHandler } from './application/get-entry-rules.handler';
import { RecordCycleGradeHandler } from './application/record-cycle-grade.handler';
import { WithdrawGradeHandler } from './application/withdraw-grade.handler';
import { RecognisePartnerGradeHandler } from './application/recognise-partner-grade.handler';
import { ReportFleetSizeHandler } from './application/report-fleet-size.handler';
import { ScreenSubjectsHandler } from './application/screen-subjects.handler';
import { UploadEntryRulesHandler } from './application/upload-entry-rules.handler';
import { EntryRulesGrpcController } from './interface/entry-rules.grpc.controller';
import { GradeEventsConsumer } from './interface/grade-events.consumer';
import { PartnerGradeEventsConsumer } from './interface/partner-grade-events.consumer';
import { RecordEventsConsumer } from './interface/record-events.consumer';
import { RegistryVehicleEventsConsumer } from './interface/registry-vehicle-events.consumer';
import { RegistryVesselEventsConsumer } from './interface/registry-vessel-events.consumer';

/**
 * The entry rules that fill the credit lists: keeps joint measures' copy of the credit records and
 * grades (consumed from collection and evaluation) and the registry's vehicles (carriers' fleets), and proposes or removes entries through the
 * lists' ledger. Exports the records (SUBJECT_RECORDS) and fleet reports to the lists feature.
 */
@Module({
  imports: [FactsCacheModule, forwardRef(() => ListsModule)],
  controllers: [EntryRulesGrpcController],
  providers: [
    subjectRecordsProvider,
    EntryRuleStore,
    EntryRuleEngine,
    ApplyRecordFactsHandler,
    RecordCycleGradeHandler,
    WithdrawGradeHandler,
    RecognisePartnerGradeHandler,
    ReportFleetSizeHandler,
    UploadEntryRulesHandler,
    GetEntryRulesHandler,
    ScreenSubjectsHandler,
    RecordEventsConsumer,
    GradeEventsConsumer,
    PartnerGradeEventsConsumer,
    ApplyRegistryVehiclesHandler,
    RegistryVehicleEventsConsumer,
    RegistryVesselEventsConsumer,
  ],
  exports: [SUBJECT_RECORDS, ReportFleetSizeHandler],
})
export class EntryRulesModule {}
