import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { measuresV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { DrawInspectionsCommand } from '../application/draw-inspections.command';

@Controller()
@measuresV1.InspectionDrawServiceControllerMethods()
export class InspectionDrawsGrpcController implements measuresV1.InspectionDrawServiceController {
  constructor(private readonly command: DrawInspectionsCommand) {}

  drawInspections(request: measuresV1.DrawInspectionsRequest, metadata?: Metadata): Promise<measuresV1.DrawInspectionsResponse> {
    return this.command.execute(principalFrom(metadata), request);
  }
}
