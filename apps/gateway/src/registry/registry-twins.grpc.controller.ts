import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { RegistryHttpController } from './registry.http.controller';

/** Carriers' vehicles and drivers, vessels and NDJSON imports of the subject registry (collection) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const REGISTRY_TWINS: RestTwinService = {
  service: 'RegistryGatewayService',
  twins: [
    { rpc: 'ListCarrierVehicles', controller: RegistryHttpController, handler: 'carrierVehicles' },
    { rpc: 'ListCarrierDrivers', controller: RegistryHttpController, handler: 'carrierDrivers' },
    { rpc: 'PutVessel', controller: RegistryHttpController, handler: 'putVessel' },
    { rpc: 'GetVessel', controller: RegistryHttpController, handler: 'getVessel' },
    { rpc: 'ImportRegistrations', controller: RegistryHttpController, handler: 'importRegistrations' },
  ],
};

@Controller()
export class RegistryTwinsGrpcController extends restTwinController(REGISTRY_TWINS) {}
