import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { permitsV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { CorrectApplicationHandler } from '../application/correct-application.handler';
import { DecideApplicationHandler } from '../application/decide-application.handler';
import { GetApplicationHandler } from '../application/get-application.handler';
import { GetPermitQrCodeHandler } from '../application/get-permit-qr-code.handler';
import { GetPermitStatisticsHandler } from '../application/get-permit-statistics.handler';
import { GetPermitHandler } from '../application/get-permit.handler';
import { GetPublicPermitHandler } from '../application/get-public-permit.handler';
import { RevokePermitHandler } from '../application/revoke-permit.handler';
import { SubmitApplicationHandler } from '../application/submit-application.handler';
import { fromApplicationDraft, toPermit, toPermitApplication } from './application.mapper';

@Controller()
@permitsV1.PermitApplicationServiceControllerMethods()
export class ApplicationsGrpcController implements permitsV1.PermitApplicationServiceController {
  constructor(
    private readonly submitApplicationHandler: SubmitApplicationHandler,
    private readonly getApplicationHandler: GetApplicationHandler,
    private readonly decideApplicationHandler: DecideApplicationHandler,
    private readonly getPermitHandler: GetPermitHandler,
    private readonly getPublicPermitHandler: GetPublicPermitHandler,
    private readonly getPermitQrCodeHandler: GetPermitQrCodeHandler,
    private readonly revokePermitHandler: RevokePermitHandler,
    private readonly correctApplicationHandler: CorrectApplicationHandler,
    private readonly getPermitStatisticsHandler: GetPermitStatisticsHandler,
  ) {}

  async getPermitStatistics(request: permitsV1.GetPermitStatisticsRequest, metadata?: Metadata): Promise<permitsV1.GetPermitStatisticsResponse> {
    return this.getPermitStatisticsHandler.execute(principalFrom(metadata), { region: request.region || undefined, month: request.month });
  }

  async correctApplication(request: permitsV1.CorrectApplicationRequest, metadata?: Metadata): Promise<permitsV1.CorrectApplicationResponse> {
    const corrected = await this.correctApplicationHandler.execute(principalFrom(metadata), {
      id: request.id,
      attachments: request.attachments.map((a) => ({ kind: a.kind, sha256: a.sha256, sizeBytes: a.sizeBytes, mediaType: a.mediaType })),
      escortPlan: request.escortPlan || undefined,
      idempotencyKey: request.idempotencyKey,
    });
    return { application: toPermitApplication(corrected.application), replayed: corrected.replayed };
  }

  async revokePermit(request: permitsV1.RevokePermitRequest, metadata?: Metadata): Promise<permitsV1.RevokePermitResponse> {
    const permit = await this.revokePermitHandler.execute(principalFrom(metadata), {
      permitNo: request.permitNo,
      reason: request.reason || undefined,
      falseMaterials: request.falseMaterials,
    });
    return { permit: toPermit(permit) };
  }

  async getPermitQrCode(request: permitsV1.GetPermitQrCodeRequest): Promise<permitsV1.GetPermitQrCodeResponse> {
    const qr = await this.getPermitQrCodeHandler.execute({ permitNo: request.permitNo, format: request.format });
    return { mediaType: qr.mediaType, content: qr.content, verificationUrl: qr.verificationUrl };
  }

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

  async decideApplication(request: permitsV1.DecideApplicationRequest, metadata?: Metadata): Promise<permitsV1.DecideApplicationResponse> {
    const result = await this.decideApplicationHandler.execute(principalFrom(metadata), {
      id: request.id,
      outcome: request.outcome,
      reason: request.reason || undefined,
      idempotencyKey: request.idempotencyKey || undefined,
    });
    return { application: toPermitApplication(result.application), permit: result.permit ? toPermit(result.permit) : undefined, replayed: result.replayed };
  }

  async getPermit(request: permitsV1.GetPermitRequest, metadata?: Metadata): Promise<permitsV1.GetPermitResponse> {
    return { permit: toPermit(await this.getPermitHandler.execute(principalFrom(metadata), { permitNo: request.permitNo })) };
  }

  async getPublicPermit(request: permitsV1.GetPublicPermitRequest): Promise<permitsV1.GetPublicPermitResponse> {
    const p = await this.getPublicPermitHandler.execute({ permitNo: request.permitNo });
    return {
      permit: {
        permitNo: p.permitNo,
        validity: p.validity,
        permitClass: p.permitClass,
        carrierUscc: p.carrier.uscc,
        carrierName: p.carrier.name,
        tractorPlate: p.vehicle.tractorPlate,
        trailerPlate: p.vehicle.trailerPlate,
        origin: p.route.origin,
        destination: p.route.destination,
        provinces: p.route.provinces,
        provinceNames: p.route.provinceNames,
        validFrom: p.validFrom,
        validUntil: p.validUntil,
        issuedBy: p.issuedBy,
        issuingAuthority: p.issuingAuthority,
      },
    };
  }
}
