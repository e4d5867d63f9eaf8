import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { principalFrom } from '@platform/grpc';
import { ListExpiringLicencesHandler } from '../application/list-expiring-licences.handler';

@Controller()
@collectionV1.LicenceServiceControllerMethods()
export class LicencesGrpcController implements collectionV1.LicenceServiceController {
  constructor(private readonly listExpiring: ListExpiringLicencesHandler) {}

  listExpiringLicences(request: collectionV1.ListExpiringLicencesRequest, metadata?: Metadata): Promise<collectionV1.ListExpiringLicencesResponse> {
    return this.listExpiring.execute(principalFrom(metadata), request);
  }
}
