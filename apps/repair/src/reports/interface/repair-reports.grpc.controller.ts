import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { repairV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetRepairFiguresHandler } from '../application/get-repair-figures.handler';

@Controller()
@repairV1.RepairReportServiceControllerMethods()
export class RepairReportsGrpcController implements repairV1.RepairReportServiceController {
  constructor(private readonly figures: GetRepairFiguresHandler) {}

  async getRepairFigures(request: repairV1.GetRepairFiguresRequest, metadata?: Metadata): Promise<repairV1.GetRepairFiguresResponse> {
    const report = await this.figures.execute(principalFrom(metadata), { region: request.region, month: request.month });
    return {
      region: report.region,
      month: report.month,
      units: report.units.map((u) => ({
        ...u,
        hasMedian: u.medianWorkingDaysToDecision !== null,
        medianWorkingDaysToDecision: u.medianWorkingDaysToDecision ?? 0,
      })),
    };
  }
}
