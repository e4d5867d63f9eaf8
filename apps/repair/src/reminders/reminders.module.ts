import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { RulesModule } from '../rules/rules.module';
import { GetRepairRemindersHandler } from './application/get-repair-reminders.handler';
import { IssueRepairNoticeHandler } from './application/issue-repair-notice.handler';
import { SendDueRemindersJob } from './application/send-due-reminders.job';
import { RecordEventsConsumer } from './interface/record-events.consumer';
import { RepairRemindersGrpcController } from './interface/repair-reminders.grpc.controller';

/** Repair notices and reminders: when and how each published record of a subject can be repaired; a reminder event when the minimum period ends. */
@Module({
  imports: [RulesModule, RecordsModule],
  controllers: [RepairRemindersGrpcController],
  providers: [GetRepairRemindersHandler, IssueRepairNoticeHandler, RecordEventsConsumer, SendDueRemindersJob],
})
export class RemindersModule {}
