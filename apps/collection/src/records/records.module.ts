import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { RevokeRecordHandler } from './application/revoke-record.handler';
import { GetRecordHandler } from './application/get-record.handler';
import { SubmitRecordHandler } from './application/submit-record.handler';
import { ListRecordsQuery } from './application/list-records.query';
import { RecordChanges } from './application/record-events';
import { CreditRecordsGrpcController } from './interface/credit-records.grpc.controller';
import { GroupedRecordWriter } from './infrastructure/grouped-record-writer';

/** Credit records: intake against the catalogue, versioned history, revocation, listing, and their events. */
@Module({
  imports: [CatalogueModule, BatchesModule],
  controllers: [CreditRecordsGrpcController],
  providers: [GroupedRecordWriter, SubmitRecordHandler, GetRecordHandler, RevokeRecordHandler, ListRecordsQuery, RecordChanges],
  exports: [RevokeRecordHandler, RecordChanges],
})
export class RecordsModule {}
