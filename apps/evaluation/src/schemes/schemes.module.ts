import { Module } from '@nestjs/common';
import { GetSchemeHandler } from './application/get-scheme.handler';
import { ListSchemesHandler } from './application/list-schemes.handler';
import { PutSchemeHandler } from './application/put-scheme.handler';
import { AnnounceSchemesAtStart, SchemeAnnouncements } from './application/scheme-announcements';
import { SchemeRegistry } from './application/scheme-registry';
import { SimulateSchemeHandler } from './application/simulate-scheme.handler';
import { SchemesGrpcController } from './interface/schemes.grpc.controller';

/** Evaluation schemes as versioned data: upload, validation, publication (announced as `evaluation.schemes.published`), what-if simulation, compiled cache. */
@Module({
  controllers: [SchemesGrpcController],
  providers: [SchemeAnnouncements, AnnounceSchemesAtStart, SchemeRegistry, PutSchemeHandler, ListSchemesHandler, GetSchemeHandler, SimulateSchemeHandler],
  exports: [SchemeRegistry],
})
export class SchemesModule {}
