import { Module } from '@nestjs/common';
import { ApplyPartnerGradeHandler } from './application/apply-partner-grade.handler';
import { GetRecognitionTableHandler } from './application/get-recognition-table.handler';
import { ListPartnerGradesHandler } from './application/list-partner-grades.handler';
import { ListRecognitionTablesHandler } from './application/list-recognition-tables.handler';
import { PutRecognitionTableHandler } from './application/put-recognition-table.handler';
import { RecogniseGradeHandler } from './application/recognise-grade.handler';
import { RecognitionTables } from './application/recognition-tables';
import { RecognitionGrpcController } from './interface/recognition.grpc.controller';

/** Mutual recognition tables, versioned data (ADR 0049): a partner's grade read on our ladder; partners' grades as their feeds carried them (ADR 0085). */
@Module({
  controllers: [RecognitionGrpcController],
  providers: [
    RecognitionTables,
    ListRecognitionTablesHandler,
    RecogniseGradeHandler,
    GetRecognitionTableHandler,
    PutRecognitionTableHandler,
    ApplyPartnerGradeHandler,
    ListPartnerGradesHandler,
  ],
})
export class RecognitionModule {}
