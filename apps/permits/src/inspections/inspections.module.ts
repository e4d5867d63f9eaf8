import { Module } from '@nestjs/common';
import { InspectVehicleHandler } from './application/inspect-vehicle.handler';
import { CheckpointInspectionsGrpcController } from './interface/checkpoint-inspections.grpc.controller';

/** Checkpoint inspection (issue 18 item 7): entry weighing, exit check and roadside checks against the permit. */
@Module({
  controllers: [CheckpointInspectionsGrpcController],
  providers: [InspectVehicleHandler],
})
export class InspectionsModule {}
