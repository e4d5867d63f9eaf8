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
import { DecideGradeAppealDto, OpenGradeAppealDto } from './grade-appeal.dto';
import { GradeAppealBody, toGradeAppealBody } from './grade-appeal.mapper';

/**
 * Grade appeals (信用评价申诉/复核, ADR 0054): the subject's region's integrator opens one against its
 * current result under a scheme; the scheme's owner upholds (re-grade) or rejects it. Evaluation
 * checks scopes and regions again.
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1')
export class GradeAppealsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post('subjects/:subjectId/evaluations/:schemeId/appeals')
  @HttpCode(201)
  @RequireScope(Scopes.RecordsWrite)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
  })
  @ApiOperation({ summary: "A subject's appeal against its current grade under a scheme (one open per subject, scheme and cycle)" })
  async open(
    @CurrentPrincipal() principal: Principal,
    @Param('subjectId') subjectId: string,
    @Param('schemeId') schemeId: string,
    @Body() body: OpenGradeAppealDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<GradeAppealBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.gradeAppeals.openAppeal(
      { subjectId, schemeId, reason: body.reason, evidence: body.evidence ?? [], period: body.period ?? '', idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toGradeAppealBody(result.appeal);
  }

  @Get('grade-appeals/:appealId')
  @ApiOperation({ summary: "One grade appeal, for the subject's region and the scheme's owner" })
  async get(@CurrentPrincipal() principal: Principal, @Param('appealId') appealId: string): Promise<GradeAppealBody> {
    const result = await this.upstreams.gradeAppeals.getAppeal({ appealId }, { principal });
    return toGradeAppealBody(result.appeal);
  }

  @Post('grade-appeals/:appealId/decision')
  @HttpCode(200)
  @RequireScope(Scopes.Admin)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried key returns the first answer; the same key with a different body is refused (422 REQUEST.IDEMPOTENCY_KEY_REUSED)',
  })
  @ApiOperation({ summary: "The scheme owner's decision: upheld (named records disregarded, re-graded by the scheme's rules) or rejected (the grade stands)" })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('appealId') appealId: string,
    @Body() body: DecideGradeAppealDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<GradeAppealBody> {
    assertIdempotencyKey(idempotencyKey);
    const result = await this.upstreams.gradeAppeals.decideAppeal(
      { appealId, outcome: body.outcome, reason: body.reason, disregardedRecordIds: body.disregardedRecordIds ?? [], idempotencyKey: idempotencyKey ?? '' },
      { principal },
    );
    markReplayed(response, result.replayed);
    return toGradeAppealBody(result.appeal);
  }
}
