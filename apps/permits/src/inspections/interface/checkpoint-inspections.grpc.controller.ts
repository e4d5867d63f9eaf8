import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { permitsV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { InspectVehicleHandler } from '../application/inspect-vehicle.handler';
import type { CheckpointKind } from '../domain/inspection';

/** The gateway's face of checkpoint inspection (POST /api/v1/checkpoint-inspections). */
@Controller()
@permitsV1.CheckpointInspectionServiceControllerMethods()
export class CheckpointInspectionsGrpcController implements permitsV1.CheckpointInspectionServiceController {
  constructor(private readonly inspect: InspectVehicleHandler) {}

  async inspectVehicle(request: permitsV1.InspectVehicleRequest, metadata?: Metadata): Promise<permitsV1.InspectVehicleResponse> {
    const m = request.measured;
    const c = request.checkpoint;
    const result = await this.inspect.execute(principalFrom(metadata), {
      idempotencyKey: request.idempotencyKey,
      inspection: {
        permitNo: request.permitNo || undefined,
        tractorPlate: request.tractorPlate,
        trailerPlate: request.trailerPlate || undefined,
        measured: {
          heightM: m?.heightM ?? 0,
          widthM: m?.widthM ?? 0,
          lengthM: m?.lengthM ?? 0,
          grossMassKg: m?.grossMassKg ?? 0,
          axleCount: m?.axleCount ?? 0,
        },
        checkpoint: {
          name: c?.name ?? '',
          region: c?.region ?? '',
          kind: (c?.kind ?? '') as CheckpointKind,
          longitude: c?.longitude ?? Number.NaN,
          latitude: c?.latitude ?? Number.NaN,
        },
        inspectedAt: request.inspectedAt,
        foundBy: { name: request.foundBy?.name ?? '', uscc: request.foundBy?.uscc ?? '' },
      },
    });
    const view = result.inspection;
    return {
      inspection: { ...view, permitNo: view.permitNo ?? '', episodeId: view.episodeId ?? '' },
      replayed: result.replayed,
    };
  }
}
