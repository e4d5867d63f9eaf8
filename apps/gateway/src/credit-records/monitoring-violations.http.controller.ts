import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { collectionV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { ClaimViolationDto, DisposeViolationDto } from './monitoring-violation.dto';
import { ListViolationsQueryDto } from './record-queries.dto';

/** Monitoring violations pushed to the enterprise concerned, which claims each and records what it did. */
@ApiTags('collection')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/monitoring-violations')
export class MonitoringViolationsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: "An enterprise's monitoring violations by claim state (unclaimed, claimed, disposed)" })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListViolationsQueryDto): Promise<collectionV1.ListViolationsResponse> {
    return this.upstreams.violationClaims.listViolations(
      { subjectId: query.subjectId ?? '', state: query.state ?? '', cursor: query.cursor ?? '', limit: query.limit ?? 0 },
      { principal },
    );
  }

  @Post(':recordId/claim')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'The enterprise claims the violation (认领)' })
  async claim(
    @CurrentPrincipal() principal: Principal,
    @Param('recordId') recordId: string,
    @Body() body: ClaimViolationDto,
  ): Promise<collectionV1.ViolationClaim | undefined> {
    const result = await this.upstreams.violationClaims.claimViolation({ recordId, claimant: body.claimant }, { principal });
    return result.violation;
  }

  @Post(':recordId/disposal')
  @HttpCode(200)
  @RequireScope(Scopes.RecordsWrite)
  @ApiOperation({ summary: 'The enterprise records what it did about the violation (处置)' })
  async dispose(
    @CurrentPrincipal() principal: Principal,
    @Param('recordId') recordId: string,
    @Body() body: DisposeViolationDto,
  ): Promise<collectionV1.ViolationClaim | undefined> {
    const result = await this.upstreams.violationClaims.disposeViolation({ recordId, disposal: body.disposal }, { principal });
    return result.violation;
  }
}
