import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Principal, Scopes } from '@platform/auth';
import { DomainError } from '@platform/errors';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { markReplayed } from '../http/idempotency-key';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { RepairApplicationBody, toRepairApplicationBody } from '../repair/repair-application.mapper';
import { Upstreams } from '../upstreams';
import { RecognitionAgreements } from './application/recognition-agreements';
import { ExchangeErrorCode } from './domain/exchange-errors';
import { ForwardRepairApplicationDto } from './partner-repair-application.dto';

/**
 * What a partner province calls on us when WE decided the record or list entry (谁认定、谁修复,
 * issue 19 item 5, ADR 0084 and 0088): it forwards the repair application a subject filed there,
 * and reads our decision back. The application is queued for our deciding unit like a local one,
 * marked with the partner as origin. A record's: accepted only about subjects the agreement with
 * the sender exchanges records about (its `records` term); a list entry's: only from a partner the
 * agreement exchanges list entries with. Repair checks the target (ours, in force, the subject's)
 * and eligibility.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('exchange/v1/repair-applications')
export class PartnerRepairApplicationsHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly agreements: RecognitionAgreements,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.ExchangeWrite)
  @ApiOperation({
    summary:
      'Forward a repair application about a record we decided; queued for our deciding unit. The same reference again: 200, Idempotent-Replayed; other content: 409 REPAIR.REFERENCE_REUSED; a subject outside the agreement: 422 EXCHANGE.OUTSIDE_AGREEMENT; not our record: 404 REPAIR.RECORD_NOT_FOUND / 409 REPAIR.NOT_DECIDED_HERE',
  })
  async forward(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ForwardRepairApplicationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RepairApplicationBody> {
    const targetKind = body.targetKind ?? 'record';
    const acceptance =
      targetKind === 'list-entry'
        ? this.agreements.listEntryRepairAcceptanceOf(principal.region)
        : this.agreements.recordAcceptanceOf(principal.region, body.subject);
    if (!acceptance.accepted) {
      throw new DomainError(ExchangeErrorCode.OutsideAgreement, 'precondition', acceptance.reason, [
        { field: targetKind === 'list-entry' ? 'targetKind' : 'subject.id', message: acceptance.reason, code: 'OUTSIDE_AGREEMENT' },
      ]);
    }
    const result = await this.upstreams.repairApplications.receivePartnerRepairApplication(
      { targetKind, recordId: body.target, subjectId: body.subject.id, commitment: body.commitment, evidence: body.evidence ?? [], reference: body.reference },
      { principal },
    );
    if (result.replayed) response.status(200);
    markReplayed(response, result.replayed);
    response.setHeader('Location', `/exchange/v1/repair-applications/${result.application?.id ?? ''}`);
    return toRepairApplicationBody(result.application);
  }

  @Get(':applicationId')
  @RequireScope(Scopes.ExchangeRead)
  @ApiOperation({ summary: 'An application the partner forwarded: its state and our decision (404 for another sender’s)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('applicationId') applicationId: string): Promise<RepairApplicationBody> {
    const result = await this.upstreams.repairApplications.getPartnerRepairApplication({ applicationId }, { principal });
    return toRepairApplicationBody(result.application);
  }
}
