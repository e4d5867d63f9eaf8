import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ExpirePublicityJob } from './application/expire-publicity.job';

/** Publicity over time: a record whose publicity period is over becomes `expired`. */
@Module({
  imports: [CatalogueModule, SchedulingModule],
  providers: [ExpirePublicityJob],
})
export class PublicityModule {}
