import { Module } from '@nestjs/common';
import { ConfigurationModule } from '../configuration/configuration.module';
import { DrawInspectionsHandler } from './application/draw-inspections.handler';
import { InspectionDrawsGrpcController } from './interface/inspection-draws.grpc.controller';

/** Random inspection draws by grade ratio (双随机), reproducible from their seed; plans are versioned data (ADR 0043). */
@Module({ imports: [ConfigurationModule], controllers: [InspectionDrawsGrpcController], providers: [DrawInspectionsHandler] })
export class DrawsModule {}
