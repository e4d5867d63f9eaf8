import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CollectionQualityQuery } from './application/collection-quality.query';
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
  providers: [CollectionQualityQuery, qualityCalendarProvider, IntakeOutcomes, { provide: IntakeOutcomesPort, useExisting: IntakeOutcomes }],
  exports: [IntakeOutcomesPort],
})
export class QualityModule {}
