import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { evaluationV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { CloseCycleDto } from './evaluation-cycle.dto';
import { RankingsQueryDto } from './ranking.dto';

/** Cycle close (API.md "Evaluation"): accepted at once, processed in the background, resumable. */
@ApiTags('evaluation')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/evaluation-cycles')
export class EvaluationCyclesHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(202)
  @RequireScope(Scopes.Admin)
  @ApiOperation({ summary: 'Close a past period of a scheme: grade every subject in scope (the same request returns the same close)' })
  async close(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CloseCycleDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ id: string; created: boolean }> {
    const result = await this.upstreams.evaluationCycles.closeCycle({ schemeId: body.schemeId, period: body.period }, { principal });
    response.setHeader('Location', `/api/v1/evaluation-cycles/${result.id}`);
    return result;
  }

  @Get(':id')
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'Progress (processed of total) and the grade distribution' })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<evaluationV1.GetCycleResponse> {
    return this.upstreams.evaluationCycles.getCycle({ id }, { principal });
  }

  @Get(':id/rankings')
  @RequireScope(Scopes.EvaluationsRead)
  @ApiOperation({ summary: 'Rankings of a closed cycle: subjects by score, or cities/counties by mean score, inside the caller’s region' })
  rankings(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: RankingsQueryDto,
  ): Promise<evaluationV1.GetCycleRankingsResponse> {
    return this.upstreams.evaluationCycles.getCycleRankings({ id, by: query.by ?? 'subject', limit: query.limit ?? 50 }, { principal });
  }
}
