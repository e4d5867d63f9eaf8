import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { PartnerListEntriesHttpController } from '../measures/partner-list-entries.http.controller';
import { ChangeFeedHttpController } from './change-feed.http.controller';
import { PartnerPermitApprovalsRelayHttpController } from './partner-permit-approvals.http.controller';
import { PartnerRecordsHttpController } from './partner-records.http.controller';
import { PartnerPermitApprovalsHttpController } from './permit-approvals.http.controller';
import { PartnerSubjectGradesHttpController } from './subject-grades.http.controller';

/** A partner province's list entries and its answers to cross-province permit approvals (every /exchange/v1 route: list entries sent, read back and withdrawn; permit approvals; the grade lookup; the signed change feed; record pushes) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const EXCHANGE_TWINS: RestTwinService = {
  service: 'ExchangeGatewayService',
  twins: [
    { rpc: 'ImportListEntry', controller: PartnerListEntriesHttpController, handler: 'import' },
    { rpc: 'ListPermitApprovals', controller: PartnerPermitApprovalsHttpController, handler: 'list' },
    { rpc: 'AnswerPermitApproval', controller: PartnerPermitApprovalsHttpController, handler: 'answer' },
    { rpc: 'ListSentListEntries', controller: PartnerListEntriesHttpController, handler: 'list' },
    { rpc: 'GetSentListEntry', controller: PartnerListEntriesHttpController, handler: 'get' },
    { rpc: 'WithdrawSentListEntry', controller: PartnerListEntriesHttpController, handler: 'withdraw' },
    { rpc: 'GetSubjectGrade', controller: PartnerSubjectGradesHttpController, handler: 'grade' },
    { rpc: 'GetChanges', controller: ChangeFeedHttpController, handler: 'page' },
    { rpc: 'PushRecord', controller: PartnerRecordsHttpController, handler: 'push' },
    { rpc: 'ListPartnerPermitApprovals', controller: PartnerPermitApprovalsRelayHttpController, handler: 'pending' },
    { rpc: 'AnswerPartnerPermitApproval', controller: PartnerPermitApprovalsRelayHttpController, handler: 'answer' },
  ],
};

@Controller()
export class ExchangeGatewayGrpcController extends restTwinController(EXCHANGE_TWINS) {}
