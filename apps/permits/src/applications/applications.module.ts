import { Module } from '@nestjs/common';
import { creditCheckProvider, issuingAuthoritiesProvider, permitCalendarProvider } from './application/applications.tokens';
import { AttachmentFilesHandler } from './application/attachment-files.handler';
import { CorrectApplicationHandler } from './application/correct-application.handler';
import { DecideApplicationHandler } from './application/decide-application.handler';
import { DrawRemoteInspectionsJob } from './application/draw-remote-inspections.job';
import { GetApplicationHandler } from './application/get-application.handler';
import { GetPermitQrCodeHandler } from './application/get-permit-qr-code.handler';
import { GetPermitStatisticsHandler } from './application/get-permit-statistics.handler';
import { GetPermitHandler } from './application/get-permit.handler';
import { GetPublicPermitHandler } from './application/get-public-permit.handler';
import { RevokePermitHandler } from './application/revoke-permit.handler';
import { SubmitApplicationHandler } from './application/submit-application.handler';
import { ApplicationsGrpcController } from './interface/applications.grpc.controller';
import { AttachmentsGrpcController } from './interface/attachments.grpc.controller';
import { RegistryEventsConsumer } from './interface/registry-events.consumer';

/** Oversize-transport permit applications (超限运输许可申请, issue 18 items 1–4): classified, on the credit path or not, with their deadline. */
@Module({
  controllers: [ApplicationsGrpcController, AttachmentsGrpcController],
  providers: [
    creditCheckProvider,
    permitCalendarProvider,
    issuingAuthoritiesProvider,
    SubmitApplicationHandler,
    GetApplicationHandler,
    DecideApplicationHandler,
    GetPermitHandler,
    GetPublicPermitHandler,
    GetPermitQrCodeHandler,
    RevokePermitHandler,
    CorrectApplicationHandler,
    DrawRemoteInspectionsJob,
    GetPermitStatisticsHandler,
    RegistryEventsConsumer,
    AttachmentFilesHandler,
  ],
  exports: [SubmitApplicationHandler, GetApplicationHandler, DecideApplicationHandler, GetPermitHandler, GetPublicPermitHandler],
})
export class ApplicationsModule {}
