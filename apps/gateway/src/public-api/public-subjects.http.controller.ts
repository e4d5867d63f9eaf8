import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { disclosureV1 } from '@contracts';
import { PublicRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';

/** Anyone may read: no token, rate limited per address. */
@ApiTags('public')
@UseGuards(PublicRateLimitGuard)
@SkipThrottle({ api: true })
@Controller('public/v1')
export class PublicSubjectsHttpController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get('subjects/:uscc')
  @ApiOperation({ summary: 'Public profile of an enterprise by USCC' })
  profile(@Param('uscc') uscc: string): Promise<disclosureV1.GetSubjectProfileResponse> {
    return this.upstreams.publicProfiles.unary('getSubjectProfile', { uscc: uscc.slice(0, 64) });
  }
}
