import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { measuresV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { DrawInspectionsDto } from './inspection-draw.dto';

/** Random inspection draws (双随机): drawn by grade ratio, published with seed and algorithm. */
@ApiTags('joint-measures')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/inspections')
export class InspectionDrawsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post('draws')
  @RequireScope(Scopes.MeasuresDecide)
  @ApiOperation({ summary: 'Draw subjects of a pool (region, sector) by the grade ratios of its plan; the same seed and pool give the same draw' })
  async draw(@CurrentPrincipal() principal: Principal, @Body() body: DrawInspectionsDto): Promise<measuresV1.DrawInspectionsResponse> {
    return this.upstreams.inspectionDraws.drawInspections({ region: body.pool.region, sector: body.pool.sector, seed: body.seed }, { principal });
  }
}
