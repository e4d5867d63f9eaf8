import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
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

  @Get(':permitNo/qr')
  @ApiOperation({ summary: "The permit's QR code (SVG, or PNG with ?format=png) opening its public verification; X-Verification-Url names it" })
  async qr(@Param('permitNo') permitNo: string, @Query('format') format: string | undefined, @Res() response: Response): Promise<void> {
    const qr = await this.upstreams.permitApplications.getPermitQrCode({ permitNo: permitNo.slice(0, 64), format: (format ?? '').slice(0, 8) });
    response
      .status(200)
      .type(qr.mediaType)
      .setHeader('X-Verification-Url', qr.verificationUrl)
      .setHeader('Cache-Control', 'public, max-age=86400')
      .send(Buffer.from(qr.content));
  }
}
