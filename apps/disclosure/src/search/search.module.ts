import { Module } from '@nestjs/common';
import { SearchSubjectsHandler } from './application/search-subjects.handler';
import { PublicSearchGrpcController } from './interface/public-search.grpc.controller';

/** Public search: find an enterprise by name or USCC. */
@Module({
  controllers: [PublicSearchGrpcController],
  providers: [SearchSubjectsHandler],
})
export class SearchModule {}
