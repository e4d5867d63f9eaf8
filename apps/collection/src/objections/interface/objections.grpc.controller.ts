import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetObjectionHandler } from '../application/get-objection.handler';
import { OpenObjectionHandler } from '../application/open-objection.handler';
import { ResolveObjectionHandler } from '../application/resolve-objection.handler';

@Controller()
@collectionV1.ObjectionServiceControllerMethods()
export class ObjectionsGrpcController implements collectionV1.ObjectionServiceController {
  constructor(
    private readonly openHandler: OpenObjectionHandler,
    private readonly resolveHandler: ResolveObjectionHandler,
    private readonly getHandler: GetObjectionHandler,
  ) {}

  openObjection(request: collectionV1.OpenObjectionRequest, metadata?: Metadata): Promise<collectionV1.OpenObjectionResponse> {
    return this.openHandler.execute(principalFrom(metadata), request);
  }

  resolveObjection(request: collectionV1.ResolveObjectionRequest, metadata?: Metadata): Promise<collectionV1.ResolveObjectionResponse> {
    return this.resolveHandler.execute(principalFrom(metadata), request);
  }

  getObjection(request: collectionV1.GetObjectionRequest, metadata?: Metadata): Promise<collectionV1.GetObjectionResponse> {
    return this.getHandler.execute(principalFrom(metadata), { objectionId: request.objectionId });
  }
}
