import { Module } from '@nestjs/common';
import { SearchSubjectsQuery } from './application/search-subjects.query';
import { PublicSearchGrpcController } from './interface/public-search.grpc.controller';

/** Public search: find an enterprise by name or USCC. */
@Module({
  controllers: [PublicSearchGrpcController],
  providers: [SearchSubjectsQuery],
})
export class SearchModule {}
