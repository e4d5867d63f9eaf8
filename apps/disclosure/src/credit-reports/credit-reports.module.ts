import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { IssueCreditReportHandler } from './application/issue-credit-report.handler';
import { VerifyCreditReportHandler } from './application/verify-credit-report.handler';
import { CreditReportsGrpcController } from './interface/credit-reports.grpc.controller';

/** Credit reports (PDF) with verification codes, their content hashes in the publication log. */
@Module({
  imports: [ProfilesModule],
  controllers: [CreditReportsGrpcController],
  providers: [IssueCreditReportHandler, VerifyCreditReportHandler],
})
export class CreditReportsModule {}
