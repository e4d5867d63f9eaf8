import { Module } from '@nestjs/common';
import { ProjectListEntryHandler } from './application/project-list-entry.handler';
import { GetPublicListHandler } from './application/get-public-list.handler';
import { SubjectListMemberships } from './application/subject-list-memberships';
import { ListEntryEventsConsumer } from './interface/list-entry-events.consumer';
import { PublicListsGrpcController } from './interface/public-lists.grpc.controller';

/** Published credit lists (红名单, 重点关注, 严重失信, 不良驾驶员) from joint measures' events. */
@Module({
  controllers: [PublicListsGrpcController],
  providers: [ProjectListEntryHandler, ListEntryEventsConsumer, GetPublicListHandler, SubjectListMemberships],
  exports: [SubjectListMemberships],
})
export class ListsModule {}
