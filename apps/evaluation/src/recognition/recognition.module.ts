import { Module } from '@nestjs/common';
import { GetRecognitionTableHandler } from './application/get-recognition-table.handler';
import { ListRecognitionTablesHandler } from './application/list-recognition-tables.handler';
import { PutRecognitionTableHandler } from './application/put-recognition-table.handler';
import { RecogniseGradeHandler } from './application/recognise-grade.handler';
import { RecognitionTables } from './application/recognition-tables';
import { RecognitionGrpcController } from './interface/recognition.grpc.controller';

/** Mutual recognition tables, versioned data (ADR 0049): a partner's grade read on our ladder. */
@Module({
  controllers: [RecognitionGrpcController],
  providers: [RecognitionTables, ListRecognitionTablesHandler, RecogniseGradeHandler, GetRecognitionTableHandler, PutRecognitionTableHandler],
})
export class RecognitionModule {}
