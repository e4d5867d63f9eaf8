import { forwardRef, Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { QualityModule } from '../quality/quality.module';
import { RecordsModule } from '../records/records.module';
import { BatchProcessor } from './application/batch-processor';
import { GetBatchHandler } from './application/get-batch.handler';
import { SubmitBatchHandler } from './application/submit-batch.handler';

/** NDJSON batches: durable intake, chunked crash-safe processing, per-line outcomes. */
@Module({
  imports: [CatalogueModule, QualityModule, forwardRef(() => RecordsModule)],
  providers: [BatchProcessor, SubmitBatchHandler, GetBatchHandler],
  exports: [SubmitBatchHandler, GetBatchHandler],
})
export class BatchesModule {}
