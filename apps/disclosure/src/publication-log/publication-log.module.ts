import { Global, Module } from '@nestjs/common';
import { PublicationLog } from './application/publication-log';
import { PROFILE_CHANGES, profileChangesProvider } from './application/publication-log.tokens';
import { ListGradeChangesHandler } from './application/list-grade-changes.handler';
import { ListPublicationEntriesHandler } from './application/list-publication-entries.handler';
import { ListRecordChangesHandler } from './application/list-record-changes.handler';
import { VerifyPublicationLogHandler } from './application/verify-publication-log.handler';
import { ProfileChanges } from './infrastructure/profile-changes';
import { PublicationLogGrpcController } from './interface/publication-log.grpc.controller';

/**
 * The tamper-evident publication log. Global because every projection that changes what the
 * public sees appends to it in its own transaction (and announces the change after commit).
 */
@Global()
@Module({
  controllers: [PublicationLogGrpcController],
  providers: [
    PublicationLog,
    ProfileChanges,
    profileChangesProvider,
    VerifyPublicationLogHandler,
    ListPublicationEntriesHandler,
    ListRecordChangesHandler,
    ListGradeChangesHandler,
  ],
  exports: [PublicationLog, PROFILE_CHANGES],
})
export class PublicationLogModule {}
