import { Controller } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { collectionV1 } from '@contracts';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { grpcStatusFor, principalFrom, verifiedPrincipal } from '@platform/grpc';
import { GetBatchHandler } from '../../batches/application/get-batch.handler';
import { SubmitBatchHandler } from '../../batches/application/submit-batch.handler';
import { GetRecordHandler } from '../application/get-record.handler';
import { ListRecordsHandler } from '../application/list-records.handler';
import { PartnerFeedRecords } from '../application/partner-feed-records';
import { RevokeRecordHandler } from '../application/revoke-record.handler';
import { SubmitRecordHandler } from '../application/submit-record.handler';
import { toGetRecordResponse } from './credit-records.mapper';

@Controller()
@collectionV1.CreditRecordServiceControllerMethods()
export class CreditRecordsGrpcController implements collectionV1.CreditRecordServiceController {
  constructor(
    private readonly submitRecordHandler: SubmitRecordHandler,
    private readonly getRecordHandler: GetRecordHandler,
    private readonly revokeRecordHandler: RevokeRecordHandler,
    private readonly submitBatchHandler: SubmitBatchHandler,
    private readonly getBatchHandler: GetBatchHandler,
    private readonly listRecordsHandler: ListRecordsHandler,
    private readonly partnerFeedRecords: PartnerFeedRecords,
  ) {}

  /** The gateway's puller, the partner as principal (ADR 0086). */
  holdPartnerRecord(request: collectionV1.HoldPartnerRecordRequest, metadata?: Metadata): Promise<collectionV1.HoldPartnerRecordResponse> {
    return this.partnerFeedRecords.hold(principalFrom(metadata), request);
  }

  withdrawPartnerRecord(request: collectionV1.WithdrawPartnerRecordRequest, metadata?: Metadata): Promise<collectionV1.WithdrawPartnerRecordResponse> {
    return this.partnerFeedRecords.withdraw(principalFrom(metadata), request);
  }

  listRecords(request: collectionV1.ListRecordsRequest, metadata?: Metadata): Promise<collectionV1.ListRecordsResponse> {
    return this.listRecordsHandler.execute(principalFrom(metadata), request);
  }

  submitBatch(request: collectionV1.SubmitBatchRequest, metadata?: Metadata): Promise<collectionV1.SubmitBatchResponse> {
    return this.submitBatchHandler.execute(principalFrom(metadata), { ndjson: request.ndjson, idempotencyKey: request.idempotencyKey });
  }

  getBatch(request: collectionV1.GetBatchRequest, metadata?: Metadata): Promise<collectionV1.GetBatchResponse> {
    return this.getBatchHandler.execute(principalFrom(metadata), { batchId: request.batchId });
  }

  revokeRecord(request: collectionV1.RevokeRecordRequest, metadata?: Metadata): Promise<collectionV1.RevokeRecordResponse> {
    return this.revokeRecordHandler.execute(principalFrom(metadata), { id: request.id, reason: request.reason });
  }

  submitRecord(request: collectionV1.SubmitRecordRequest, metadata?: Metadata): Promise<collectionV1.SubmitRecordResponse> {
    return this.submitRecordHandler.execute(principalFrom(metadata), request);
  }

  /**
   * Coalesced submissions (ADR 0038): each item as its own SubmitRecord, with the principal the
   * gateway signed for it verified like call metadata (ADR 0073); the group commit writes them together.
   */
  async submitRecords(request: collectionV1.SubmitRecordsRequest): Promise<collectionV1.SubmitRecordsResponse> {
    return { outcomes: await Promise.all((request.items ?? []).map((item) => this.submitOnBehalf(item))) };
  }

  private async submitOnBehalf(item: collectionV1.OnBehalfSubmission): Promise<collectionV1.SubmitRecordOutcome> {
    try {
      if (!item.record) throw DomainError.validation(PlatformErrorCode.InvalidBody, [{ field: 'record', message: 'is required', code: 'REQUIRED' }]);
      return { accepted: await this.submitRecordHandler.execute(verifiedPrincipal(item.principal), item.record) };
    } catch (error) {
      return { refused: grpcStatusFor(error) };
    }
  }

  async getRecord(request: collectionV1.GetRecordRequest, metadata?: Metadata): Promise<collectionV1.GetRecordResponse> {
    return toGetRecordResponse(await this.getRecordHandler.execute(principalFrom(metadata), { id: request.id }));
  }
}
