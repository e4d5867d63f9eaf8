import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { AnnounceExpiringLicencesJob } from './application/announce-expiring-licences.job';
import { ListExpiringLicencesHandler } from './application/list-expiring-licences.handler';
import { ListLicenceRemindersHandler } from './application/list-licence-reminders.handler';
import { LicencesGrpcController } from './interface/licences.grpc.controller';
import { LicenceRemindersGrpcController } from './interface/licence-reminders.grpc.controller';

/** Administrative licences over time: the expiring list, one announcement per licence, and the reminders as a feed. */
@Module({
  imports: [SchedulingModule],
  controllers: [LicencesGrpcController, LicenceRemindersGrpcController],
  providers: [AnnounceExpiringLicencesJob, ListExpiringLicencesHandler, ListLicenceRemindersHandler],
})
export class LicencesModule {}
