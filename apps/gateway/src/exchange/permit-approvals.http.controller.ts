import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { PermitApplicationBody, toPermitApplicationBody } from '../permits/permit-application.mapper';
import { AnswerPermitApprovalDto } from './permit-approval.dto';
import { PermitApprovalBody, toPermitApprovalBody } from './permit-approval.mapper';

/**
 * Cross-province parallel approval (并联审批, issue 18 item 5, ADR 0063): a partner province (its
 * client's region) reads the applications whose route crosses it and answers each once. Scopes
 * `exchange:read` / `exchange:write`; permits checks that the province is on the route.
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('exchange/v1/permit-approvals')
export class PartnerPermitApprovalsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @RequireScope(Scopes.ExchangeRead)
  @ApiQuery({ name: 'state', required: true, enum: ['pending'] })
  @ApiOperation({ summary: "Applications waiting for this province's approval: vehicle, cargo, dimensions, its route segments, window, class, deadline" })
  async list(@CurrentPrincipal() principal: Principal, @Query('state') state: unknown): Promise<{ items: PermitApprovalBody[] }> {
    const result = await this.upstreams.permitApprovals.listPermitApprovals({ state: typeof state === 'string' ? state : '' }, { principal });
    return { items: result.approvals.map(toPermitApprovalBody) };
  }

  @Post()
  @HttpCode(200)
  @RequireScope(Scopes.ExchangeWrite)
  @ApiOperation({
    summary:
      'Approve, or refuse with a reason, once (403 PERMIT_APPROVAL.NOT_ON_ROUTE, 409 PERMIT_APPROVAL.ALREADY_ANSWERED); a refusal refuses the application',
  })
  async answer(@CurrentPrincipal() principal: Principal, @Body() body: AnswerPermitApprovalDto): Promise<PermitApplicationBody> {
    const result = await this.upstreams.permitApprovals.answerPermitApproval(
      { applicationId: body.applicationId, decision: body.decision, reason: body.reason ?? '' },
      { principal },
    );
    return toPermitApplicationBody(result.application);
  }
}
