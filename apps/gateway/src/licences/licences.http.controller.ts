import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { ExpiringLicencesBody, LicenceRemindersBody, toExpiringLicencesBody } from './licence.mapper';
import { ExpiringLicencesQueryDto, LicenceRemindersQueryDto } from './licence.dto';

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

  @Get('reminders')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({
    summary:
      'Licence renewal reminders as a feed (the pull form of credit.records.licence-expiring): continue from nextCursor to see each reminder exactly once',
  })
  async reminders(@CurrentPrincipal() principal: Principal, @Query() query: LicenceRemindersQueryDto): Promise<LicenceRemindersBody> {
    const result = await this.upstreams.licenceReminders.listLicenceReminders(
      { region: query.region ?? '', after: query.after ?? '', limit: query.limit ?? 0 },
      { principal },
    );
    return { reminders: result.reminders, nextCursor: result.nextCursor };
  }
}
