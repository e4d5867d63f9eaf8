import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { PartnerListEntriesHttpController } from '../measures/partner-list-entries.http.controller';
import { PartnerPermitApprovalsHttpController } from './permit-approvals.http.controller';

/** A partner province's list entries and its answers to cross-province permit approvals (the /exchange/v1 routes on main) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const EXCHANGE_TWINS: RestTwinService = {
  service: 'ExchangeGatewayService',
  twins: [
    { rpc: 'ImportListEntry', controller: PartnerListEntriesHttpController, handler: 'import' },
    { rpc: 'ListPermitApprovals', controller: PartnerPermitApprovalsHttpController, handler: 'list' },
    { rpc: 'AnswerPermitApproval', controller: PartnerPermitApprovalsHttpController, handler: 'answer' },
  ],
};

@Controller()
export class ExchangeGatewayGrpcController extends restTwinController(EXCHANGE_TWINS) {}
