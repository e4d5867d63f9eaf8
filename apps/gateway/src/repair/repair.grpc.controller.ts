import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { RepairApplicationsHttpController } from './repair-applications.http.controller';

/** Credit repair applications, decisions, revocations, figures and reminders (repair) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const REPAIR_TWINS: RestTwinService = {
  service: 'RepairGatewayService',
  twins: [
    { rpc: 'ApplyForRepair', controller: RepairApplicationsHttpController, handler: 'apply' },
    { rpc: 'ListRepairApplications', controller: RepairApplicationsHttpController, handler: 'list' },
    { rpc: 'DecideRepairApplication', controller: RepairApplicationsHttpController, handler: 'decide' },
    { rpc: 'RevokeRepairApplication', controller: RepairApplicationsHttpController, handler: 'revoke' },
    { rpc: 'GetRepairFigures', controller: RepairApplicationsHttpController, handler: 'figures' },
    { rpc: 'ListRepairReminders', controller: RepairApplicationsHttpController, handler: 'reminders' },
  ],
};

@Controller()
export class RepairGatewayGrpcController extends restTwinController(REPAIR_TWINS) {}
