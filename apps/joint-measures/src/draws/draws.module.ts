import { Module } from '@nestjs/common';
import { DrawInspectionsHandler } from './application/draw-inspections.handler';
import { InspectionDrawsGrpcController } from './interface/inspection-draws.grpc.controller';

/** Random inspection draws by grade ratio (双随机), reproducible from their seed. */
@Module({ controllers: [InspectionDrawsGrpcController], providers: [DrawInspectionsHandler] })
export class DrawsModule {}
