import { Module } from '@nestjs/common';
import { ApplyRecordEventHandler } from './application/apply-record-event.handler';
import { RepairRecordReader } from './application/repair-record-reader';
import { ListEntryEventsConsumer } from './interface/list-entry-events.consumer';
import { RecordEventsConsumer } from './interface/record-events.consumer';

/** Repair's copy of the credit records and list entries, kept from collection's and joint measures' events; other features read it through RepairRecordReader. */
@Module({
  providers: [ApplyRecordEventHandler, RecordEventsConsumer, ListEntryEventsConsumer, RepairRecordReader],
  exports: [RepairRecordReader],
})
export class RecordsModule {}
