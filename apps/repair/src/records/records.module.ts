import { Module } from '@nestjs/common';
import { ApplyRecordEventHandler } from './application/apply-record-event.handler';
import { RepairRecordReader } from './application/repair-record-reader';
import { RecordEventsConsumer } from './interface/record-events.consumer';

/** Repair's copy of the credit records, kept from collection's events; other features read it through RepairRecordReader. */
@Module({
  providers: [ApplyRecordEventHandler, RecordEventsConsumer, RepairRecordReader],
  exports: [RepairRecordReader],
})
export class RecordsModule {}
