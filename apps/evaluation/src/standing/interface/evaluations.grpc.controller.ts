import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetSubjectEvaluationsQuery } from '../application/get-subject-evaluations.query';

@Controller()
@evaluationV1.EvaluationServiceControllerMethods()
export class EvaluationsGrpcController implements evaluationV1.EvaluationServiceController {
  constructor(private readonly query: GetSubjectEvaluationsQuery) {}

  getSubjectEvaluations(request: evaluationV1.GetSubjectEvaluationsRequest, metadata?: Metadata): Promise<evaluationV1.GetSubjectEvaluationsResponse> {
    return this.query.execute(principalFrom(metadata), request.subjectId, request.asOf);
  }
}
