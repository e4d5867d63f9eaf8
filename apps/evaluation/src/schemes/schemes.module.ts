import { Module } from '@nestjs/common';
import { PutSchemeHandler } from './application/put-scheme.handler';
import { SchemeQueries } from './application/scheme-queries';
import { SchemeRegistry } from './application/scheme-registry';
import { SchemesGrpcController } from './interface/schemes.grpc.controller';

/** Evaluation schemes as versioned data: upload, validation, publication, compiled cache. */
@Module({
  controllers: [SchemesGrpcController],
  providers: [SchemeRegistry, PutSchemeHandler, SchemeQueries],
  exports: [SchemeRegistry],
})
export class SchemesModule {}
