import { forwardRef, Module } from '@nestjs/common';
import { EntryRulesModule } from '../entry-rules/entry-rules.module';
import { FactsCacheModule } from '../facts-cache/facts-cache.module';
import { DecideListEntryHandler } from './application/decide-list-entry.handler';
import { ExpireListEntriesJob } from './application/expire-list-entries.job';
import { ImportPartnerEntryHandler } from './application/import-partner-entry.handler';
import { ListEntryLedger } from './application/list-entry-ledger';
import { ListSubjectEntriesHandler } from './application/list-subject-entries.handler';
import { listCalendarProvider, listPoliciesProvider } from './application/lists.tokens';
import { ProposeListEntryHandler } from './application/propose-list-entry.handler';
import { RepairListEntryHandler } from './application/repair-list-entry.handler';
import { RevokeListEntryRepairHandler } from './application/revoke-list-entry-repair.handler';
import { ListEntryRepairsConsumer } from './interface/repair-events.consumer';
import { ListEntriesGrpcController } from './interface/list-entries.grpc.controller';

/**
 * Credit lists: units propose entries and decide them after notice, partners' entries are imported,
 * and entries are removed on expiry or a repair (`repair.list-entries.repaired`). The entry rules (EntryRulesModule) write through the ledger
 * this module exports; it asks them for the records an entry rests on (SUBJECT_RECORDS).
 */
@Module({
  imports: [FactsCacheModule, forwardRef(() => EntryRulesModule)],
  controllers: [ListEntriesGrpcController],
  providers: [
    listCalendarProvider,
    listPoliciesProvider,
    ListEntryLedger,
    ProposeListEntryHandler,
    DecideListEntryHandler,
    ImportPartnerEntryHandler,
    ListSubjectEntriesHandler,
    ExpireListEntriesJob,
    RepairListEntryHandler,
    RevokeListEntryRepairHandler,
    ListEntryRepairsConsumer,
  ],
  exports: [ListEntryLedger],
})
export class ListsModule {}
