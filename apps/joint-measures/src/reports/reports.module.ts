import { Module } from '@nestjs/common';
import { GetMeasuresAppliedHandler } from './application/get-measures-applied.handler';
import { MeasuresReportGrpcController } from './interface/measures-report.grpc.controller';

/** The monthly report of measures applied per unit (DOMAIN.md §4), from the decision log. */
@Module({ controllers: [MeasuresReportGrpcController], providers: [GetMeasuresAppliedHandler] })
export class ReportsModule {}
