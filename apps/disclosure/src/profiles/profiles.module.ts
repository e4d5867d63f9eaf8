import { Module } from '@nestjs/common';
import { ListsModule } from '../lists/lists.module';
import { GetSubjectProfileHandler } from './application/get-subject-profile.handler';
import { ProjectCreditRecordHandler } from './application/project-credit-record.handler';
import { WithdrawRevokedRecordHandler } from './application/withdraw-revoked-record.handler';
import { ApplyCorrectionHandler } from './application/apply-correction.handler';
import { ExpirePublicItemsJob } from './application/expire-public-items.job';
import { ProjectGradeHandler } from './application/project-grade.handler';
import { ProjectRepairNoticeHandler } from './application/project-repair-notice.handler';
import { WithdrawGradeHandler } from './application/withdraw-grade.handler';
import { EvaluationEventsConsumer } from './interface/evaluation-events.consumer';
import { PublicProfileGrpcController } from './interface/public-profile.grpc.controller';
import { RecordEventsConsumer } from './interface/record-events.consumer';
import { RepairEventsConsumer } from './interface/repair-events.consumer';

/** Public subject profiles: projected from credit record events, served to the public API. */
@Module({
  imports: [ListsModule],
  controllers: [PublicProfileGrpcController],
  providers: [
    ProjectCreditRecordHandler,
    WithdrawRevokedRecordHandler,
    ApplyCorrectionHandler,
    ProjectGradeHandler,
    WithdrawGradeHandler,
    RecordEventsConsumer,
    EvaluationEventsConsumer,
    ProjectRepairNoticeHandler,
    RepairEventsConsumer,
    ExpirePublicItemsJob,
    GetSubjectProfileHandler,
  ],
  exports: [GetSubjectProfileHandler],
})
export class ProfilesModule {}
