import { Module } from '@nestjs/common';
import { DrawInspectionsCommand } from './application/draw-inspections.command';
import { InspectionDrawsGrpcController } from './interface/inspection-draws.grpc.controller';

/** Random inspection draws by grade ratio (双随机), reproducible from their seed. */
@Module({ controllers: [InspectionDrawsGrpcController], providers: [DrawInspectionsCommand] })
export class DrawsModule {}
