import { Module } from '@nestjs/common';
import { CatalogueStore } from './application/catalogue-store';
import { CatalogueGrpcController } from './interface/catalogue.grpc.controller';

/** The collection catalogue: record types as versioned data, and the payload validators. */
@Module({
  controllers: [CatalogueGrpcController],
  providers: [CatalogueStore],
  exports: [CatalogueStore],
})
export class CatalogueModule {}
