import { Body, Controller, Get, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { PublicRateLimitGuard } from '../../http/rate-limit.guards';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TokenService, IssuedToken } from '../application/token.service';
import { KeyRing, type PublishedJwk } from '../infrastructure/signing-key';
import { TokenRequestDto } from './token.dto';

/** Rate limited per address: the token endpoint is where secrets get guessed. */
@ApiTags('auth')
@UseGuards(PublicRateLimitGuard)
@SkipThrottle({ api: true })
@Controller()
export class TokenHttpController {
  constructor(
    private readonly tokens: TokenService,
    private readonly keys: KeyRing,
  ) {}

  @Post('api/v1/auth/token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'OAuth2 client credentials: exchange client id and secret for an access token' })
  @ApiBody({ type: TokenRequestDto })
  @ApiOkResponse({ description: '{ access_token, token_type, expires_in, scope }' })
  token(@Body() body: TokenRequestDto): Promise<IssuedToken> {
    return this.tokens.issue(body.client_id, body.client_secret, body.scope);
  }

  @Get('.well-known/jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys that verify access tokens and exchange pages: the signing key, then any kept for rotation' })
  jwks(): { keys: PublishedJwk[] } {
    return this.keys.jwks();
  }
}
