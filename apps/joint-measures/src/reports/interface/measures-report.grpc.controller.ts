import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { MeasuresAppliedQuery } from '../application/measures-applied.query';

@Controller()
@measuresV1.MeasuresReportServiceControllerMethods()
export class MeasuresReportGrpcController implements measuresV1.MeasuresReportServiceController {
  constructor(private readonly query: MeasuresAppliedQuery) {}

  measuresApplied(request: measuresV1.MeasuresAppliedRequest, metadata?: Metadata): Promise<measuresV1.MeasuresAppliedResponse> {
    return this.query.execute(principalFrom(metadata), request);
  }
}
