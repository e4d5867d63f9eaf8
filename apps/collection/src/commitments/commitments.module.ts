import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { BreakOverdueCommitmentsJob } from './application/break-overdue-commitments.job';

/** Credit commitments over time: an overdue, unfulfilled commitment becomes a broken one by itself. */
@Module({
  imports: [CatalogueModule, RecordsModule, SchedulingModule],
  providers: [BreakOverdueCommitmentsJob],
})
export class CommitmentsModule {}
