import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { evaluationV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { DecideAppealHandler } from '../application/decide-appeal.handler';
import { GetAppealHandler } from '../application/get-appeal.handler';
import { gradeAppealView } from '../application/grade-appeal.view';
import { OpenAppealHandler } from '../application/open-appeal.handler';

@Controller()
@evaluationV1.AppealServiceControllerMethods()
export class AppealsGrpcController implements evaluationV1.AppealServiceController {
  constructor(
    private readonly openAppealHandler: OpenAppealHandler,
    private readonly getAppealHandler: GetAppealHandler,
    private readonly decideAppealHandler: DecideAppealHandler,
  ) {}

  openAppeal(request: evaluationV1.OpenAppealRequest, metadata?: Metadata): Promise<evaluationV1.OpenAppealResponse> {
    return this.openAppealHandler.execute(principalFrom(metadata), {
      subjectId: request.subjectId,
      schemeId: request.schemeId,
      reason: request.reason,
      evidence: request.evidence ?? [],
      period: request.period ?? '',
      idempotencyKey: request.idempotencyKey || undefined,
    });
  }

  async getAppeal(request: evaluationV1.GetAppealRequest, metadata?: Metadata): Promise<evaluationV1.GetAppealResponse> {
    return { appeal: gradeAppealView(await this.getAppealHandler.execute(principalFrom(metadata), request.appealId)) };
  }

  decideAppeal(request: evaluationV1.DecideAppealRequest, metadata?: Metadata): Promise<evaluationV1.DecideAppealResponse> {
    return this.decideAppealHandler.execute(principalFrom(metadata), {
      appealId: request.appealId,
      outcome: request.outcome,
      reason: request.reason,
      disregardedRecordIds: request.disregardedRecordIds ?? [],
      idempotencyKey: request.idempotencyKey || undefined,
    });
  }
}
