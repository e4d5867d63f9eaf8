import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { evaluationV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { PeriodRankingsQueryDto } from './ranking.dto';

/**
 * Rankings per week, month, quarter, half-year or year (issue 4 item 10; docs/evaluation.md
 * "Rankings"): 200 with the ranking, or 202 with progress while the period is still being graded
 * for the first time (ask again). Rankings of a closed cycle stay at /evaluation-cycles/{id}/rankings.
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/rankings')
export class RankingsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({
    summary: 'Subjects, cities or counties ranked under a scheme for an ended week, month, quarter, half-year or year, inside the caller’s region',
  })
  async rankings(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PeriodRankingsQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<evaluationV1.GetRankingsResponse> {
    const result = await this.upstreams.evaluationCycles.getRankings(
      { schemeId: query.schemeId, periodKind: query.periodKind, period: query.period, by: query.by ?? 'subject', limit: query.limit ?? 50 },
      // The first request for a period waits (up to RANKING_WAIT_MS in evaluation) for its grading.
      { principal, deadlineMs: 15_000 },
    );
    if (result.status !== 'completed') response.status(202);
    return result;
  }
}
