import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { LicencesHttpController } from './licences.http.controller';

/** Licences about to expire and their reminders (collection) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const LICENCES_TWINS: RestTwinService = {
  service: 'LicencesGatewayService',
  twins: [
    { rpc: 'ListExpiringLicences', controller: LicencesHttpController, handler: 'expiring' },
    { rpc: 'ListLicenceReminders', controller: LicencesHttpController, handler: 'reminders' },
  ],
};

@Controller()
export class LicencesGatewayGrpcController extends restTwinController(LICENCES_TWINS) {}
