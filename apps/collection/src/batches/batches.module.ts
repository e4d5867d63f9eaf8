import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { RecordWriter } from '../records/infrastructure/record-writer';
import { BatchProcessor } from './application/batch-processor';
import { GetBatchQuery } from './application/get-batch.query';
import { SubmitBatchHandler } from './application/submit-batch.handler';

/** NDJSON batches: durable intake, chunked crash-safe processing, per-line outcomes. */
@Module({
  imports: [CatalogueModule],
  providers: [RecordWriter, BatchProcessor, SubmitBatchHandler, GetBatchQuery],
  exports: [RecordWriter, SubmitBatchHandler, GetBatchQuery],
})
export class BatchesModule {}
