import { Module } from '@nestjs/common';
import { FactsCacheModule } from '../facts-cache/facts-cache.module';
import { EntryRuleEngine } from '../entry-rules/application/entry-rule-engine';
import { EntryRuleStore } from '../entry-rules/application/entry-rule-store';
import { GradeEventsConsumer } from '../entry-rules/application/grade-events.consumer';
import { RecordEventsConsumer } from '../entry-rules/application/record-events.consumer';
import { ReportFleetSizeCommand } from '../entry-rules/application/report-fleet-size.command';
import { EntryRulesGrpcController } from '../entry-rules/interface/entry-rules.grpc.controller';
import { ExpireListEntriesJob } from './application/expire-list-entries.job';
import { ListEntryCommands } from './application/list-entry-commands';
import { ListEntryLedger } from './application/list-entry-ledger';
import { listCalendarProvider, listPoliciesProvider } from './application/lists.tokens';
import { ListEntriesGrpcController } from './interface/list-entries.grpc.controller';

/**
 * Credit lists and the entry rules that fill them: consumes credit record events, proposes entries,
 * lets units decide them after notice, and removes them on revocation of their basis or expiry.
 */
@Module({
  imports: [FactsCacheModule],
  controllers: [ListEntriesGrpcController, EntryRulesGrpcController],
  providers: [listCalendarProvider, listPoliciesProvider, ListEntryLedger, ListEntryCommands, ExpireListEntriesJob, EntryRuleStore, EntryRuleEngine, RecordEventsConsumer, GradeEventsConsumer, ReportFleetSizeCommand],
  exports: [ListEntryLedger, EntryRuleEngine],
})
export class ListsModule {}
