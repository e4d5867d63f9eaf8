import { Module } from '@nestjs/common';
import { ActivePermits } from './application/active-permits';
import { IngestPositionsHandler } from './application/ingest-positions.handler';
import { PermitEventsConsumer } from './interface/permit-events.consumer';
import { PositionsConsumer } from './interface/positions.consumer';
import { RouteConformanceGrpcController } from './interface/route-conformance.grpc.controller';

/** Route conformance (issue 18 item 8): vehicle positions and gantry passages against permitted routes. */
@Module({
  controllers: [RouteConformanceGrpcController],
  providers: [ActivePermits, IngestPositionsHandler, PermitEventsConsumer, PositionsConsumer],
  exports: [IngestPositionsHandler],
})
export class ConformanceModule {}
