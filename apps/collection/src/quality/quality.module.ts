import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { GetCollectionQualityHandler } from './application/get-collection-quality.handler';
import { IntakeOutcomesPort, qualityCalendarProvider } from './application/quality.tokens';
import { IntakeOutcomes } from './infrastructure/intake-outcomes';
import { CollectionQualityGrpcController } from './interface/collection-quality.grpc.controller';

/**
 * Collection quality: what each source unit delivered, how timely, and what went wrong. Exports
 * the IntakeOutcomesPort: intake (single records and batches) counts refused and duplicate
 * submissions into it.
 */
@Module({
  imports: [CatalogueModule],
  controllers: [CollectionQualityGrpcController],
  providers: [GetCollectionQualityHandler, qualityCalendarProvider, IntakeOutcomes, { provide: IntakeOutcomesPort, useExisting: IntakeOutcomes }],
  exports: [IntakeOutcomesPort],
})
export class QualityModule {}
