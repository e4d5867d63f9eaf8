import { forwardRef, Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { QualityModule } from '../quality/quality.module';
import { RevokeRecordHandler } from './application/revoke-record.handler';
import { GetRecordHandler } from './application/get-record.handler';
import { SubmitRecordHandler } from './application/submit-record.handler';
import { ListRecordsHandler } from './application/list-records.handler';
import { PartnerFeedRecords } from './application/partner-feed-records';
import { RecordUpdater } from './application/record-updater';
import { RecordWriterPort } from './application/records.tokens';
import { CreditRecordsGrpcController } from './interface/credit-records.grpc.controller';
import { GroupedRecordWriter } from './infrastructure/grouped-record-writer';
import { RecordWriter } from './infrastructure/record-writer';

/**
 * Credit records: intake against the catalogue, versioned history, revocation, listing, and their
 * events; a partner's records from its change feed (ADR 0086). Exports the RecordWriterPort to the other intake paths (batches, the monitoring feed, the
 * commitments job). The CreditRecordService gRPC service also carries the batch methods, hence the
 * (forward-referenced) import of BatchesModule, which imports this module for the writer.
 */
@Module({
  imports: [CatalogueModule, QualityModule, forwardRef(() => BatchesModule)],
  controllers: [CreditRecordsGrpcController],
  providers: [
    RecordWriter,
    { provide: RecordWriterPort, useExisting: RecordWriter },
    GroupedRecordWriter,
    SubmitRecordHandler,
    GetRecordHandler,
    RevokeRecordHandler,
    ListRecordsHandler,
    RecordUpdater,
    PartnerFeedRecords,
  ],
  exports: [RevokeRecordHandler, RecordUpdater, RecordWriterPort],
})
export class RecordsModule {}
