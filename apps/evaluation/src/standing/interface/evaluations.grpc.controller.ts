import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetSubjectEvaluationsHandler } from '../application/get-subject-evaluations.handler';

@Controller()
@evaluationV1.EvaluationServiceControllerMethods()
export class EvaluationsGrpcController implements evaluationV1.EvaluationServiceController {
  constructor(private readonly getSubjectEvaluationsHandler: GetSubjectEvaluationsHandler) {}

  getSubjectEvaluations(request: evaluationV1.GetSubjectEvaluationsRequest, metadata?: Metadata): Promise<evaluationV1.GetSubjectEvaluationsResponse> {
    return this.getSubjectEvaluationsHandler.execute(principalFrom(metadata), { subjectId: request.subjectId, asOf: request.asOf });
  }
}
