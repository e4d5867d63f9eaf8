import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { AnnounceExpiringLicencesJob } from './application/announce-expiring-licences.job';
import { ListExpiringLicencesHandler } from './application/list-expiring-licences.handler';
import { LicencesGrpcController } from './interface/licences.grpc.controller';

/** Administrative licences over time: the expiring list, and one announcement per licence. */
@Module({
  imports: [SchedulingModule],
  controllers: [LicencesGrpcController],
  providers: [AnnounceExpiringLicencesJob, ListExpiringLicencesHandler],
})
export class LicencesModule {}
