import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-jwt';
import type { Principal } from '@platform/auth';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from '../../gateway.definition';
import { API_AUDIENCE, principalFromClaims } from '../application/token.service';
import { KeyRing } from '../infrastructure/signing-key';
import { VerifiedTokenCache } from '../infrastructure/verified-token-cache';
import { bearerToken } from './auth.guards';

/** passport-jwt strategy: bearer token, ES256 against the published key its kid names, issuer and audience checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    keys: KeyRing,
    @Inject(SERVICE_CONFIG) config: GatewayConfig,
    private readonly verified: VerifiedTokenCache,
  ) {
    super({
      jwtFromRequest: bearerToken,
      passReqToCallback: true,
      // A KeyObject, not a PEM: given a PEM, jsonwebtoken parses the key again on every request
      // (a third of the gateway's token-verification cost, docs/perf.md). jsonwebtoken takes a
      // KeyObject; passport-jwt passes it through but its types only say string | Buffer. An
      // unknown kid fails as a JsonWebTokenError, which the guard answers AUTH.TOKEN_INVALID.
      secretOrKeyProvider: (_request: Request, rawJwtToken: string, done: (error: unknown, key?: Buffer) => void) => {
        try {
          done(null, keys.publicKeyFor(rawJwtToken) as unknown as Buffer);
        } catch (error) {
          done(error);
        }
      },
      algorithms: ['ES256'],
      issuer: config.GATEWAY_ISSUER,
      audience: API_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /** Called only for a token passport-jwt has verified: remember it until it expires. */
  validate(request: Request, claims: Parameters<typeof principalFromClaims>[0] & { exp: number }): Principal {
    const principal = principalFromClaims(claims);
    const token = bearerToken(request);
    if (token) this.verified.remember(token, principal, claims.exp);
    return principal;
  }
}
