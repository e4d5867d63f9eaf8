import { Module } from '@nestjs/common';
import { PutSchemeHandler } from './application/put-scheme.handler';
import { SchemeQueries } from './application/scheme-queries';
import { SchemeRegistry } from './application/scheme-registry';
import { SimulateSchemeHandler } from './application/simulate-scheme.handler';
import { SchemesGrpcController } from './interface/schemes.grpc.controller';

/** Evaluation schemes as versioned data: upload, validation, publication, what-if simulation, compiled cache. */
@Module({
  controllers: [SchemesGrpcController],
  providers: [SchemeRegistry, PutSchemeHandler, SchemeQueries, SimulateSchemeHandler],
  exports: [SchemeRegistry],
})
export class SchemesModule {}
