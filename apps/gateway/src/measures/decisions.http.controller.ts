import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { DecideDto } from './decision.dto';
import { DecisionBody, decisionSubjectId, toDecisionBody } from './decision.mapper';

/** The decision API (joint measures): which measures apply to a subject in a scene, and why. */
@ApiTags('joint-measures')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/measures')
export class DecisionsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post('decisions')
  @HttpCode(200)
  @RequireScope(Scopes.MeasuresDecide)
  @ApiOperation({
    summary:
      'Decide a scene for a subject: outcome allow | deny | conditional, the measures and the list entries, grades or records behind them; 503 DECISION.UNAVAILABLE when it cannot decide (never an allow)',
  })
  async decide(@CurrentPrincipal() principal: Principal, @Body() body: DecideDto): Promise<DecisionBody> {
    const result = await this.upstreams.decisions.decide(
      { subjectId: decisionSubjectId(body.subjectId), scene: body.scene, sector: body.sector ?? '', region: body.region ?? '' },
      { principal },
    );
    return toDecisionBody(result);
  }
}
