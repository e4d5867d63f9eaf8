import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { parseJson } from '../json';
import { Upstreams } from '../upstreams';
import { mapToPartnerLadder, type MappedGrade, type RecognitionTableView } from './domain/grade-mapping';

/**
 * Mutual recognition for partners (issue 20 item 4; DOMAIN.md §4: Jiangsu cities recognise each
 * other's grades): our published grades of an enterprise and what each reads as on the partner's
 * ladder, by the recognition tables (ADR 0049). Grades are public (DOMAIN.md §6), so the answer
 * is the public profile's grades; the tables are public rules, read with evaluations:read on the
 * partner's behalf (its own scopes are the exchange's).
 */
@ApiTags('exchange')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('exchange/v1/subjects')
export class PartnerSubjectGradesHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get(':subjectId/grade')
  @RequireScope(Scopes.ExchangeRead)
  @ApiOperation({
    summary: 'Our published grades of an enterprise (USCC) and their mapping to the partner’s ladder (404 PUBLIC.SUBJECT_NOT_FOUND when nothing is published)',
  })
  async grade(@CurrentPrincipal() principal: Principal, @Param('subjectId') subjectId: string): Promise<{ subjectId: string; grades: MappedGrade[] }> {
    const [profile, tables] = await Promise.all([
      this.upstreams.publicProfiles.getSubjectProfile({ uscc: subjectId }),
      this.upstreams.gradeRecognition.listRecognitionTables({}, { principal: { ...principal, scopes: [Scopes.EvaluationsRead] } }),
    ]);
    const grades = profile.grades.map((g) => ({
      schemeId: g.schemeId,
      schemeName: g.schemeName,
      grade: g.grade,
      gradeLabel: g.gradeLabel,
      cycle: g.cycle,
      evaluatedAt: g.evaluatedAt,
    }));
    return { subjectId: profile.uscc, grades: mapToPartnerLadder(principal.region, grades, parseJson(tables.tablesJson) as unknown as RecognitionTableView[]) };
  }
}
