import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { measuresV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { DecideDto } from './decision.dto';

/** The REST shape of a decision: each reason carries only the fields of its kind. */
export function toDecision(d: measuresV1.DecideResponse) {
  return {
    decisionId: d.decisionId,
    subjectId: d.subjectId,
    scene: d.scene,
    region: d.region,
    decidedAt: d.decidedAt,
    outcome: d.outcome,
    measures: d.measures.map((m) => ({ ...m, value: m.value ?? null })),
    reasons: d.reasons.map((r) => {
      if (r.kind === 'list-entry') return { kind: r.kind, mappingId: r.mappingId, entryId: r.entryId, listType: r.listType, startsOn: r.startsOn, endsOn: r.endsOn || null };
      if (r.kind === 'grade') return { kind: r.kind, mappingId: r.mappingId, schemeId: r.schemeId, cycle: r.cycle, grade: r.grade };
      return { kind: r.kind, mappingId: r.mappingId, recordType: r.recordType, recordIds: r.recordIds, count: r.count };
    }),
  };
}

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
  @ApiOperation({ summary: 'Decide a scene for a subject: outcome allow | deny | conditional, the measures and the list entries, grades or records behind them; 503 DECISION.UNAVAILABLE when it cannot decide (never an allow)' })
  async decide(@CurrentPrincipal() principal: Principal, @Body() body: DecideDto) {
    const result = await this.upstreams.decisions.decide(
      { subjectId: body.subjectId, scene: body.scene, sector: body.sector ?? '', region: body.region ?? '' },
      { principal },
    );
    return toDecision(result);
  }
}
