import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { SubjectScope } from '../http/subject-scope';
import { Upstreams } from '../upstreams';
import { SubjectEvaluationsBody, toSubjectEvaluationsBody } from './subject-evaluation.mapper';
import { EvaluationsQueryDto } from './subject-evaluation.dto';

/** A subject's results per scheme with explanations, now or as of a past instant; region-scoped by SubjectScope (ADR 0041) and again by evaluation. */
@ApiTags('evaluation')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/subjects')
export class SubjectEvaluationsHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly subjects: SubjectScope,
  ) {}

  @Get(':subjectId/evaluations')
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'Current result per scheme with its explanation, or as it stood at ?asOf=' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('subjectId') subjectId: string,
    @Query() query: EvaluationsQueryDto,
  ): Promise<SubjectEvaluationsBody> {
    // The region rule (ADR 0041): 404 SUBJECT.NOT_FOUND outside the caller's view, as on every subject read.
    const response = await this.subjects.read(principal, subjectId, () =>
      this.upstreams.evaluations.getSubjectEvaluations({ subjectId, asOf: query.asOf ?? '' }, { principal }),
    );
    return toSubjectEvaluationsBody(response);
  }
}
