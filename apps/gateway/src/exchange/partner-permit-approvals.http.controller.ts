import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { PartnerApprovalRelay } from './application/partner-approval-relay';
import { AnswerPartnerPermitApprovalDto } from './permit-approval.dto';

/**
 * Our province's answers to partner provinces' cross-province permit applications (并联审批 between
 * two deployments, issue 20 item 7, ADR 0080): the permit office reads what a partner is waiting
 * for and answers, relayed to the partner's `/exchange/v1/permit-approvals` (ADR 0063). Answers are
 * the province's: only a client of the whole province (PLATFORM_PROVINCE) gives them.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/partner-permit-approvals')
export class PartnerPermitApprovalsRelayHttpController {
  constructor(private readonly relay: PartnerApprovalRelay) {}

  @Get()
  @RequireScope(Scopes.PermitsWrite)
  @ApiQuery({ name: 'partner', required: true, description: 'The partner province (GB/T 2260) whose applications wait for us' })
  @ApiOperation({
    summary:
      "A partner province's applications waiting for this province's approval, as the partner answers them (400 REQUEST.INVALID on `partner`; 403 EXCHANGE.PROVINCE_ONLY below province level; 503 EXCHANGE.PARTNER_UNAVAILABLE)",
  })
  async pending(@CurrentPrincipal() principal: Principal, @Query('partner') partner: unknown): Promise<unknown> {
    this.relay.feedOf(partner);
    this.relay.assertProvinceLevel(principal);
    return this.relay.pending(partner as string);
  }

  @Post()
  @HttpCode(200)
  @RequireScope(Scopes.PermitsWrite)
  @ApiOperation({
    summary:
      "Approve, or refuse with a reason, a partner province's application once: relayed to the partner, which answers the application (its codes unchanged: 409 PERMIT_APPROVAL.ALREADY_ANSWERED, 403 PERMIT_APPROVAL.NOT_ON_ROUTE, 400 per field)",
  })
  async answer(@CurrentPrincipal() principal: Principal, @Body() body: AnswerPartnerPermitApprovalDto): Promise<unknown> {
    this.relay.feedOf(body.partner);
    this.relay.assertProvinceLevel(principal);
    return this.relay.answer(body.partner, { applicationId: body.applicationId, decision: body.decision, ...(body.reason ? { reason: body.reason } : {}) });
  }
}
