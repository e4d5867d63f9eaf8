import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { ApplyRepairHandler } from './application/apply-repair.handler';
import { RevokeRepairHandler } from './application/revoke-repair.handler';
import { RepairEventsConsumer } from './interface/repair-events.consumer';

/** Repairs decided by the repair service end a record's publicity early (`repaired` version); revoked repairs put it back in force (`repair-revoked` version). */
@Module({
  imports: [RecordsModule],
  providers: [ApplyRepairHandler, RevokeRepairHandler, RepairEventsConsumer],
})
export class RepairsModule {}
