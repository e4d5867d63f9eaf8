import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { DrawInspectionsHandler } from '../application/draw-inspections.handler';

@Controller()
@measuresV1.InspectionDrawServiceControllerMethods()
export class InspectionDrawsGrpcController implements measuresV1.InspectionDrawServiceController {
  constructor(private readonly drawInspectionsHandler: DrawInspectionsHandler) {}

  async drawInspections(request: measuresV1.DrawInspectionsRequest, metadata?: Metadata): Promise<measuresV1.DrawInspectionsResponse> {
    const draw = await this.drawInspectionsHandler.execute(principalFrom(metadata), { region: request.region, sector: request.sector, seed: request.seed });
    return {
      drawId: draw.drawId,
      planId: draw.planId,
      planSource: draw.planSource,
      schemeId: draw.schemeId,
      seed: draw.seed,
      algorithm: draw.algorithm,
      pool: draw.pool,
      drawn: draw.drawn,
      byGrade: draw.byGrade,
      drawnAt: draw.drawnAt,
    };
  }
}
