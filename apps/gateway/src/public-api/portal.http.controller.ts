import { Controller, Get, Headers, Param, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { disclosureV1 } from '@contracts';
import { PublicRateLimitGuard } from '../http/rate-limit.guards';
import { Upstreams } from '../upstreams';

/** Files change only with a deployment: one upstream call per file per minute is plenty. */
const CACHE_MS = 60_000;
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The public disclosure portal at `/`: disclosure's static files, cached here, with conditional GETs. */
@ApiExcludeController()
@UseGuards(PublicRateLimitGuard)
@SkipThrottle({ api: true })
@Controller()
export class PortalHttpController {
  private readonly cache = new Map<string, { at: number; asset: Promise<disclosureV1.GetPortalAssetResponse> }>();

  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  index(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() response: Response): Promise<void> {
    return this.send('index.html', ifNoneMatch, response, 'no-cache');
  }

  @Get('portal/:name')
  asset(@Param('name') name: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() response: Response): Promise<void> {
    return this.send(name, ifNoneMatch, response, 'public, max-age=300');
  }

  private async send(name: string, ifNoneMatch: string | undefined, response: Response, cacheControl: string): Promise<void> {
    const asset = await this.fetch(name);
    response.setHeader('ETag', asset.etag);
    response.setHeader('Cache-Control', cacheControl);
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (ifNoneMatch === asset.etag) {
      response.status(304).end();
      return;
    }
    response.status(200).type(asset.contentType).send(Buffer.from(asset.content));
  }

  private fetch(name: string): Promise<disclosureV1.GetPortalAssetResponse> {
    const cached = this.cache.get(name);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.asset;
    const asset = this.upstreams.portal.getPortalAsset({ name: name.slice(0, 64) });
    // Only known files are cached (a 404 is not), so made-up names cannot grow the map.
    asset.then(
      () => this.cache.set(name, { at: Date.now(), asset }),
      () => undefined,
    );
    return asset;
  }
}
