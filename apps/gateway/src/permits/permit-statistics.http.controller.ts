import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { IsOptional, Matches } from 'class-validator';
import { permitsV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';

export class PermitStatisticsQueryDto {
  @ApiPropertyOptional({ description: "GB/T 2260 code within the caller's region; default: the caller's region", example: '410100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit GB/T 2260 code' })
  region?: string;

  @ApiProperty({ description: 'Month (China time), YYYY-MM', example: '2026-12' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;
}

/** Monthly permit statistics of a region (issue 18 item 9). */
@ApiTags('permits')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/reports')
export class PermitStatisticsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get('permits')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'Permits by class and path, processing against the deadline, inspections exempted, remote inspections drawn, in a month' })
  async permits(@CurrentPrincipal() principal: Principal, @Query() query: PermitStatisticsQueryDto): Promise<permitsV1.GetPermitStatisticsResponse> {
    return this.upstreams.permitApplications.getPermitStatistics({ region: query.region ?? '', month: query.month }, { principal });
  }
}
