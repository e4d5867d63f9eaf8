import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { permitsV1 } from '@contracts';
import { PublicRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';

/** Public verification of an oversize-transport permit (what its QR code opens): no token, plates masked. */
@ApiTags('public')
@UseGuards(PublicRateLimitGuard)
@SkipThrottle({ api: true })
@Controller('public/v1/permits')
export class PublicPermitsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get(':permitNo')
  @ApiOperation({ summary: 'Verify a permit: valid or not, class, carrier, masked plates, route, window' })
  async get(@Param('permitNo') permitNo: string): Promise<permitsV1.PublicPermit | undefined> {
    const result = await this.upstreams.permitApplications.getPublicPermit({ permitNo: permitNo.slice(0, 64) });
    return result.permit;
  }
}
