import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { isWithinRegion, Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { registeredRegionOf } from '../exchange/domain/recognition-agreement';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { SubjectScope } from '../http/subject-scope';
import { Upstreams } from '../upstreams';
import { PartnerGradesBody, toPartnerGradesBody } from './partner-grade.mapper';

/**
 * Partner provinces' grades of an enterprise (issue 20, ADR 0085): each the partner's, with its
 * provenance, what the recognition agreement said of it and our ladder's equivalent. Scoped like
 * the subject's evaluations (SubjectScope, ADR 0041); a partner's grade of an enterprise registered
 * in the caller's region brings it into view, as a partner's list entry filed here does.
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/subjects')
export class SubjectPartnerGradesHttpController {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly subjects: SubjectScope,
  ) {}

  @Get(':subjectId/partner-grades')
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'Partner provinces’ grades of an enterprise, each with its provenance, the agreement’s finding and our ladder’s equivalent' })
  async list(@CurrentPrincipal() principal: Principal, @Param('subjectId') subjectId: string): Promise<PartnerGradesBody> {
    const registered = registeredRegionOf({ kind: 'org', id: subjectId });
    const response = await this.subjects.read(
      principal,
      subjectId,
      () => this.upstreams.gradeRecognition.listPartnerGrades({ subjectId }, { principal }),
      (held) => held.grades.length > 0 && registered !== null && isWithinRegion(principal, registered),
    );
    return toPartnerGradesBody(subjectId, response);
  }
}
