import { Module } from '@nestjs/common';
import { RecognitionTables } from './application/recognition-tables';
import { RecognitionGrpcController } from './interface/recognition.grpc.controller';

/** Mutual recognition tables: a partner's grade read on our ladder. */
@Module({ controllers: [RecognitionGrpcController], providers: [RecognitionTables] })
export class RecognitionModule {}
