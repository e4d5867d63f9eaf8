import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { assertIdempotencyKey, markReplayed } from '../http/idempotency-key';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { CorrectPermitApplicationDto, DecidePermitApplicationDto, RevokePermitDto, SubmitPermitApplicationDto } from './permit-application.dto';
import { PermitApplicationBody, PermitBody, toApplicationDraft, toPermitApplicationBody, toPermitBody } from './permit-application.mapper';

/**
 * Oversize-transport permit applications (超限运输许可, DOMAIN.md §7; issue 18): classified by the
 * national rule with the decision deadline, on the commitment path or not (joint measures decides),
 * with every route province's approval state. Permits checks scopes and regions again.
 */
@ApiTags('permits')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/permit-applications')
export class PermitApplicationsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(201)
  @RequireScope(Scopes.PermitsWrite)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
  })
  @ApiOperation({ summary: 'Apply for an oversize-transport permit → class, deadline, route provinces, path (commitment/standard), inspection' })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SubmitPermitApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PermitApplicationBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.permitApplications.submitApplication(
      { application: toApplicationDraft(body), idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toPermitApplicationBody(result.application);
  }

  @Get(':id')
  @ApiOperation({ summary: "An application's status with every province's approval" })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<PermitApplicationBody> {
    const result = await this.upstreams.permitApplications.getApplication({ id }, { principal });
    return toPermitApplicationBody(result.application);
  }

  @Post(':id/correction')
  @HttpCode(200)
  @RequireScope(Scopes.PermitsWrite)
  @ApiOperation({
    summary:
      'The applicant corrects a deficient application: accepted with the deadline counted from today (《行政许可法》第三十二条), or a new notice of what is still missing',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
  })
  async correct(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: CorrectPermitApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PermitApplicationBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.permitApplications.correctApplication(
      { id, attachments: body.attachments ?? [], escortPlan: body.escortPlan ?? '', idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toPermitApplicationBody(result.application);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @RequireScope(Scopes.PermitsWrite)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
  })
  @ApiOperation({ summary: "The accepting authority's decision: issue (a numbered permit) or refuse with the reason; once" })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DecidePermitApplicationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ application: PermitApplicationBody; permit: PermitBody | null }> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.permitApplications.decideApplication(
      { id, outcome: body.outcome, reason: body.reason ?? '', idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return { application: toPermitApplicationBody(result.application), permit: result.permit ? toPermitBody(result.permit) : null };
  }
}

/** Permits for officers (also what the QR code names). */
@ApiTags('permits')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/permits')
export class PermitsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get(':permitNo')
  @ApiOperation({ summary: 'Verify a permit: carrier, vehicle, route, window, dimensions' })
  async get(@CurrentPrincipal() principal: Principal, @Param('permitNo') permitNo: string): Promise<PermitBody> {
    const result = await this.upstreams.permitApplications.getPermit({ permitNo }, { principal });
    return toPermitBody(result.permit);
  }

  @Post(':permitNo/revocation')
  @HttpCode(200)
  @RequireScope(Scopes.PermitsWrite)
  @ApiOperation({
    summary: 'The issuing authority revokes a permit, once; falseMaterials also records a false-materials violation (1-year ban through joint measures)',
  })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('permitNo') permitNo: string, @Body() body: RevokePermitDto): Promise<PermitBody> {
    const result = await this.upstreams.permitApplications.revokePermit(
      { permitNo, reason: body.reason, falseMaterials: body.falseMaterials ?? false },
      { principal },
    );
    return toPermitBody(result.permit);
  }
}
