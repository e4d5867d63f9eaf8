import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { measuresV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { MeasuresAppliedQueryDto } from './measures-report.dto';

/** Measures actually applied, per asking unit and month (joint measures). */
@ApiTags('joint-measures')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/reports')
export class MeasuresReportHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get('measures-applied')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'Per asking unit: decisions, denials, conditional answers and each measure applied (count, distinct subjects) in a month' })
  async measuresApplied(@CurrentPrincipal() principal: Principal, @Query() query: MeasuresAppliedQueryDto): Promise<measuresV1.MeasuresAppliedResponse> {
    return this.upstreams.measuresReport.measuresApplied({ region: query.region ?? '', month: query.month }, { principal });
  }
}
