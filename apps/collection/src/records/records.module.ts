import { Module } from '@nestjs/common';
import { GetRecordHandler } from './application/get-record.handler';
import { SubmitRecordHandler } from './application/submit-record.handler';
import { CreditRecordsGrpcController } from './interface/credit-records.grpc.controller';

/** Credit records: intake, storage and the created event. */
@Module({
  controllers: [CreditRecordsGrpcController],
  providers: [SubmitRecordHandler, GetRecordHandler],
})
export class RecordsModule {}
