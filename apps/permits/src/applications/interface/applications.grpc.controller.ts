import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { permitsV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetApplicationHandler } from '../application/get-application.handler';
import { SubmitApplicationHandler } from '../application/submit-application.handler';
import { fromApplicationDraft, toPermitApplication } from './application.mapper';

@Controller()
@permitsV1.PermitApplicationServiceControllerMethods()
export class ApplicationsGrpcController implements permitsV1.PermitApplicationServiceController {
  constructor(
    private readonly submitApplicationHandler: SubmitApplicationHandler,
    private readonly getApplicationHandler: GetApplicationHandler,
  ) {}

  async submitApplication(request: permitsV1.SubmitApplicationRequest, metadata?: Metadata): Promise<permitsV1.SubmitApplicationResponse> {
    const result = await this.submitApplicationHandler.execute(principalFrom(metadata), {
      draft: fromApplicationDraft(request.application),
      idempotencyKey: request.idempotencyKey || undefined,
    });
    return { application: toPermitApplication(result.application), replayed: result.replayed };
  }

  async getApplication(request: permitsV1.GetApplicationRequest, metadata?: Metadata): Promise<permitsV1.GetApplicationResponse> {
    return { application: toPermitApplication(await this.getApplicationHandler.execute(principalFrom(metadata), { id: request.id })) };
  }
}
