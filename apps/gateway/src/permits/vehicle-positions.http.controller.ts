import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Principal, Scopes } from '@platform/auth';
import { JwtAuthGuard, RequireScope, ScopeGuard } from '../auth/interface/auth.guards';
import { CurrentPrincipal } from '../http/current-principal.decorator';
import { ClientRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';
import { VehiclePositionsDto } from './vehicle-positions.dto';
import { toIngestPositionsRequest, toVehiclePositionsView, VehiclePositionsView } from './vehicle-positions.mapper';

/** Vehicle positions and gantry passages, checked against the routes of oversize transport permits. */
@ApiTags('permits')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard, ClientRateLimitGuard, ScopeGuard)
@SkipThrottle({ public: true })
@Controller('api/v1/vehicle-positions')
export class VehiclePositionsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Post()
  @HttpCode(200)
  @RequireScope(Scopes.PermitsWrite)
  @ApiOperation({
    summary:
      'A batch of positions (JT/T 808 semantics) or gantry passages; off-route, out-of-window and unpermitted oversize travel become violation records, one per episode',
  })
  async ingest(@CurrentPrincipal() principal: Principal, @Body() body: VehiclePositionsDto): Promise<VehiclePositionsView> {
    return toVehiclePositionsView(await this.upstreams.routeConformance.ingestPositions(toIngestPositionsRequest(body), { principal }));
  }
}
