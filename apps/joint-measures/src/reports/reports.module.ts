import { Module } from '@nestjs/common';
import { MeasuresAppliedQuery } from './application/measures-applied.query';
import { MeasuresReportGrpcController } from './interface/measures-report.grpc.controller';

/** The monthly report of measures applied per unit (DOMAIN.md §4), from the decision log. */
@Module({ controllers: [MeasuresReportGrpcController], providers: [MeasuresAppliedQuery] })
export class ReportsModule {}
