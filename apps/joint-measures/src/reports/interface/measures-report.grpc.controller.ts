import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetMeasuresAppliedHandler } from '../application/get-measures-applied.handler';

@Controller()
@measuresV1.MeasuresReportServiceControllerMethods()
export class MeasuresReportGrpcController implements measuresV1.MeasuresReportServiceController {
  constructor(private readonly getMeasuresApplied: GetMeasuresAppliedHandler) {}

  async measuresApplied(request: measuresV1.MeasuresAppliedRequest, metadata?: Metadata): Promise<measuresV1.MeasuresAppliedResponse> {
    const report = await this.getMeasuresApplied.execute(principalFrom(metadata), { region: request.region, month: request.month });
    return { region: report.region, month: report.month, units: report.units };
  }
}
