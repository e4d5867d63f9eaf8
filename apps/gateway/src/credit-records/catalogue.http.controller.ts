import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal } from '@platform/auth';
import { JwtAuthGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { RecordTypesBody, toRecordTypesBody } from './catalogue.mapper';

/** The collection catalogue, for integrators building their submissions (any authenticated client). */
@ApiTags('collection')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/catalog')
export class CatalogueHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get('record-types')
  @ApiOperation({ summary: 'Record types in force: payload schemas, severities, publicity rules, who may submit' })
  async recordTypes(@CurrentPrincipal() principal: Principal): Promise<RecordTypesBody> {
    const catalogue = await this.upstreams.catalogue.listRecordTypes({}, { principal });
    return toRecordTypesBody(catalogue);
  }
}
