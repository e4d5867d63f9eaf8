import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
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
  @ApiOperation({ summary: "A subject's appeal against its current grade under a scheme (one open per subject, scheme and cycle)" })
  async open(
    @CurrentPrincipal() principal: Principal,
    @Param('subjectId') subjectId: string,
    @Param('schemeId') schemeId: string,
    @Body() body: OpenGradeAppealDto,
  ): Promise<GradeAppealBody> {
    const result = await this.upstreams.gradeAppeals.openAppeal(
      { subjectId, schemeId, reason: body.reason, evidence: body.evidence ?? [], period: body.period ?? '' },
      { principal },
    );
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
  @ApiOperation({ summary: "The scheme owner's decision: upheld (named records disregarded, re-graded by the scheme's rules) or rejected (the grade stands)" })
  async decide(@CurrentPrincipal() principal: Principal, @Param('appealId') appealId: string, @Body() body: DecideGradeAppealDto): Promise<GradeAppealBody> {
    const result = await this.upstreams.gradeAppeals.decideAppeal(
      { appealId, outcome: body.outcome, reason: body.reason, disregardedRecordIds: body.disregardedRecordIds ?? [] },
      { principal },
    );
    return toGradeAppealBody(result.appeal);
  }
}
