import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { collectionV1 } from '@contracts';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { CollectionQualityQueryDto } from './record-queries.dto';

@ApiTags('collection')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/reports')
export class CollectionQualityHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get('collection-quality')
  @RequireScope(Scopes.RecordsRead)
  @ApiOperation({ summary: 'Per source unit and month: received, on time / late (双公示, 7 working days), rejected, duplicates, objections, violation claims' })
  quality(@CurrentPrincipal() principal: Principal, @Query() query: CollectionQualityQueryDto): Promise<collectionV1.GetCollectionQualityResponse> {
    return this.upstreams.collectionQuality.getCollectionQuality({ region: query.region ?? '', month: query.month ?? '' }, { principal });
  }
}
