import { Module } from '@nestjs/common';
import { ListRecognitionTablesHandler } from './application/list-recognition-tables.handler';
import { RecogniseGradeHandler } from './application/recognise-grade.handler';
import { RecognitionTables } from './application/recognition-tables';
import { RecognitionGrpcController } from './interface/recognition.grpc.controller';

/** Mutual recognition tables: a partner's grade read on our ladder. */
@Module({ controllers: [RecognitionGrpcController], providers: [RecognitionTables, ListRecognitionTablesHandler, RecogniseGradeHandler] })
export class RecognitionModule {}
