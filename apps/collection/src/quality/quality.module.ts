import { Global, Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CollectionQualityQuery } from './application/collection-quality.query';
import { qualityCalendarProvider } from './application/quality-calendar';
import { IntakeOutcomes } from './infrastructure/intake-outcomes';
import { CollectionQualityGrpcController } from './interface/collection-quality.grpc.controller';

/**
 * Collection quality: what each source unit delivered, how timely, and what went wrong. Global
 * because intake (single records and batches) counts refused and duplicate submissions into it.
 */
@Global()
@Module({
  imports: [CatalogueModule],
  controllers: [CollectionQualityGrpcController],
  providers: [CollectionQualityQuery, qualityCalendarProvider, IntakeOutcomes],
  exports: [IntakeOutcomes],
})
export class QualityModule {}
