import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { CreditReportsService } from './application/credit-reports.service';
import { CreditReportsGrpcController } from './interface/credit-reports.grpc.controller';

/** Credit reports (PDF) with verification codes, their content hashes in the publication log. */
@Module({
  imports: [ProfilesModule],
  controllers: [CreditReportsGrpcController],
  providers: [CreditReportsService],
})
export class CreditReportsModule {}
