import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { RecordsModule } from '../records/records.module';
import { GetObjectionHandler } from './application/get-objection.handler';
import { objectionCalendarProvider } from './application/objections.tokens';
import { OpenObjectionHandler } from './application/open-objection.handler';
import { ResolveObjectionHandler } from './application/resolve-objection.handler';
import { ObjectionsGrpcController } from './interface/objections.grpc.controller';

/** Objections (异议): opened for the subject, answered by the providing unit within a deadline. */
@Module({
  imports: [CatalogueModule, RecordsModule],
  controllers: [ObjectionsGrpcController],
  providers: [OpenObjectionHandler, ResolveObjectionHandler, GetObjectionHandler, objectionCalendarProvider],
})
export class ObjectionsModule {}
