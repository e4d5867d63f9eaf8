import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { GetCollectionQualityHandler } from '../application/get-collection-quality.handler';

@Controller()
@collectionV1.CollectionQualityServiceControllerMethods()
export class CollectionQualityGrpcController implements collectionV1.CollectionQualityServiceController {
  constructor(private readonly query: GetCollectionQualityHandler) {}

  getCollectionQuality(request: collectionV1.GetCollectionQualityRequest, metadata?: Metadata): Promise<collectionV1.GetCollectionQualityResponse> {
    return this.query.execute(principalFrom(metadata), request);
  }
}
