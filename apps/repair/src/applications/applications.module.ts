import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { RulesModule } from '../rules/rules.module';
import { ApplyForRepairHandler } from './application/apply-for-repair.handler';
import { DecideRepairApplicationHandler } from './application/decide-repair-application.handler';
import { ListRepairApplicationsHandler } from './application/list-repair-applications.handler';
import { PartnerForwardingHandler } from './application/partner-forwarding.handler';
import { GetPartnerRepairApplicationHandler } from './application/get-partner-repair-application.handler';
import { ReceivePartnerRepairApplicationHandler } from './application/receive-partner-repair-application.handler';
import { RevokeRepairApplicationHandler } from './application/revoke-repair-application.handler';
import { repairCalendarProvider } from './application/repair.tokens';
import { RepairApplicationsGrpcController } from './interface/repair-applications.grpc.controller';

/** Repair applications: filed with a commitment, checked at once, decided by the record's deciding authority, revoked by it when the commitment was false. */
@Module({
  imports: [RulesModule, RecordsModule],
  controllers: [RepairApplicationsGrpcController],
  providers: [
    ApplyForRepairHandler,
    ListRepairApplicationsHandler,
    DecideRepairApplicationHandler,
    RevokeRepairApplicationHandler,
    ReceivePartnerRepairApplicationHandler,
    GetPartnerRepairApplicationHandler,
    PartnerForwardingHandler,
    repairCalendarProvider,
  ],
})
export class ApplicationsModule {}
