import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { ExpiringLicencesBody, toExpiringLicencesBody } from './licence.mapper';
import { ExpiringLicencesQueryDto } from './licence.dto';

/** Administrative licences over time (collection): which end soon, per subject and per providing unit. */
@ApiTags('collection')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/licences')
export class LicencesHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get('expiring')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'Licences of a region whose last valid day falls within the warning window, soonest first' })
  async expiring(@CurrentPrincipal() principal: Principal, @Query() query: ExpiringLicencesQueryDto): Promise<ExpiringLicencesBody> {
    const result = await this.upstreams.licences.listExpiringLicences(
      {
        region: query.region ?? '',
        withinDays: query.within ?? 0,
        subjectId: query.subjectId ?? '',
        sourceClientId: query.sourceClientId ?? '',
        limit: query.limit ?? 0,
        cursor: query.cursor ?? '',
      },
      { principal },
    );
    return toExpiringLicencesBody(result);
  }
}
