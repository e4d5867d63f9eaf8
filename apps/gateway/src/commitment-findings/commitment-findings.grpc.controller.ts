import { Controller } from '@nestjs/common';
import { restTwinController, RestTwinService } from '../grpc/rest-twin';
import { CommitmentFindingsHttpController } from './commitment-findings.http.controller';

/** Findings that a subject broke a credit commitment (collection) on the gateway's gRPC face: each RPC runs its REST route's handler (ADR 0078). */
export const COMMITMENT_FINDINGS_TWINS: RestTwinService = {
  service: 'CommitmentFindingsGatewayService',
  twins: [
    { rpc: 'ListCommitmentFindings', controller: CommitmentFindingsHttpController, handler: 'list' },
    { rpc: 'ConfirmCommitmentFinding', controller: CommitmentFindingsHttpController, handler: 'confirm' },
    { rpc: 'DismissCommitmentFinding', controller: CommitmentFindingsHttpController, handler: 'dismiss' },
  ],
};

@Controller()
export class CommitmentFindingsGatewayGrpcController extends restTwinController(COMMITMENT_FINDINGS_TWINS) {}
