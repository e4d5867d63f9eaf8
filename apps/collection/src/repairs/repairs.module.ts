import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { ApplyRepairHandler } from './application/apply-repair.handler';
import { RepairEventsConsumer } from './interface/repair-events.consumer';

/** Repairs decided by the repair service end a record's publicity early (`repaired` version). */
@Module({
  imports: [RecordsModule],
  providers: [ApplyRepairHandler, RepairEventsConsumer],
})
export class RepairsModule {}
