import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { PermitApplicationsHttpController, PermitsHttpController } from './permit-applications.http.controller';
import { PermitStatisticsHttpController } from './permit-statistics.http.controller';
import { CheckpointInspectionsHttpController } from './checkpoint-inspections.http.controller';
import { VehiclePositionsHttpController } from './vehicle-positions.http.controller';

/** Oversize-transport permit applications, permits, checkpoint inspections, vehicle positions and statistics (permits) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const PERMITS_TWINS: RestTwinService = {
  service: 'PermitsGatewayService',
  twins: [
    { rpc: 'SubmitPermitApplication', controller: PermitApplicationsHttpController, handler: 'submit' },
    { rpc: 'GetPermitApplication', controller: PermitApplicationsHttpController, handler: 'get' },
    { rpc: 'CorrectPermitApplication', controller: PermitApplicationsHttpController, handler: 'correct' },
    { rpc: 'DecidePermitApplication', controller: PermitApplicationsHttpController, handler: 'decide' },
    { rpc: 'GetPermit', controller: PermitsHttpController, handler: 'get' },
    { rpc: 'RevokePermit', controller: PermitsHttpController, handler: 'revoke' },
    { rpc: 'GetPermitStatistics', controller: PermitStatisticsHttpController, handler: 'permits' },
    { rpc: 'RecordCheckpointInspection', controller: CheckpointInspectionsHttpController, handler: 'inspect' },
    { rpc: 'IngestVehiclePositions', controller: VehiclePositionsHttpController, handler: 'ingest' },
  ],
};

@Controller()
export class PermitsGatewayGrpcController extends restTwinController(PERMITS_TWINS) {}
