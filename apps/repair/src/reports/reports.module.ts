import { Module } from '@nestjs/common';
import { repairCalendarProvider } from '../applications/application/repair.tokens';
import { GetRepairFiguresHandler } from './application/get-repair-figures.handler';
import { RepairReportsGrpcController } from './interface/repair-reports.grpc.controller';

/** Monthly repair figures per deciding unit (issue 19 item 10). */
@Module({
  controllers: [RepairReportsGrpcController],
  providers: [GetRepairFiguresHandler, repairCalendarProvider],
})
export class ReportsModule {}
