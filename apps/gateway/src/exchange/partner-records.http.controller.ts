import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { RecordSubmissions } from '../credit-records/record-submissions';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { markReplayed } from '../http/idempotency-key';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { RecognitionAgreements } from './application/recognition-agreements';
import { assertSender } from './domain/sender';
import { PushPartnerRecordDto } from './partner-record.dto';
import { PartnerRecordBody, toPartnerRecordBody, toPartnerSubmission } from './partner-record.mapper';

/**
 * A partner province pushes a credit record it decided (issue 20 item 3, ADR 0069). It goes to
 * collection on the path our own records take (RecordSubmissions), marked with its provenance: a
 * separate record of the partner's, which can never update or revoke one of ours. Idempotent on the
 * partner's reference; accepted only under the recognition agreement with the sender.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('exchange/v1/records')
export class PartnerRecordsHttpController {
  constructor(
    private readonly submissions: RecordSubmissions,
    private readonly agreements: RecognitionAgreements,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.ExchangeWrite)
  @ApiOperation({
    summary:
      'Push a credit record the partner decided, with its provenance; stored as the partner’s record. The same reference and content again: 200, Idempotent-Replayed; other content: 409 EXCHANGE.RECORD_REFERENCE_REUSED; a subject outside the agreement: 422 EXCHANGE.OUTSIDE_AGREEMENT; another region: 403 EXCHANGE.PROVINCE_NOT_SENDER',
  })
  async push(
    @CurrentPrincipal() principal: Principal,
    @Body() body: PushPartnerRecordDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PartnerRecordBody> {
    assertSender(principal, body.provenance.partnerRegion, 'provenance.partnerRegion');
    assertSender(principal, body.region, 'region');
    const request = toPartnerSubmission(body, this.agreements.recordAcceptanceOf(principal.region, body.subject));
    const result = await this.submissions.submit(principal, request);
    if (result.replayed) response.status(200);
    markReplayed(response, result.replayed);
    response.setHeader('Location', `/api/v1/credit-records/${result.id}`);
    return toPartnerRecordBody(result, request);
  }
}
