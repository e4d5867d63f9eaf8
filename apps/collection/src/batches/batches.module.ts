import { forwardRef, Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { QualityModule } from '../quality/quality.module';
import { RecordsModule } from '../records/records.module';
import { BatchProcessor } from './application/batch-processor';
import { GetBatchQuery } from './application/get-batch.query';
import { SubmitBatchHandler } from './application/submit-batch.handler';

/** NDJSON batches: durable intake, chunked crash-safe processing, per-line outcomes. */
@Module({
  imports: [CatalogueModule, QualityModule, forwardRef(() => RecordsModule)],
  providers: [BatchProcessor, SubmitBatchHandler, GetBatchQuery],
  exports: [SubmitBatchHandler, GetBatchQuery],
})
export class BatchesModule {}
