import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { BreakOverdueCommitmentsJob } from './application/break-overdue-commitments.job';
import { ConfirmCommitmentFindingHandler } from './application/confirm-commitment-finding.handler';
import { DismissCommitmentFindingHandler } from './application/dismiss-commitment-finding.handler';
import { ListCommitmentFindingsHandler } from './application/list-commitment-findings.handler';
import { CommitmentFindingsGrpcController } from './interface/commitment-findings.grpc.controller';

/**
 * Credit commitments over time: an overdue, unfulfilled commitment becomes a finding for the unit
 * that accepted it, which confirms it (publishing a commitment-broken record) or dismisses it.
 */
@Module({
  imports: [CatalogueModule, RecordsModule, SchedulingModule],
  controllers: [CommitmentFindingsGrpcController],
  providers: [BreakOverdueCommitmentsJob, ListCommitmentFindingsHandler, ConfirmCommitmentFindingHandler, DismissCommitmentFindingHandler],
})
export class CommitmentsModule {}
