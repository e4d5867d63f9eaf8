import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '@platform/auth';
import { SERVICE_CONFIG } from '@platform/service';
import type { GatewayConfig } from '../../gateway.definition';
import { API_AUDIENCE, principalFromClaims } from '../application/token.service';
import { SIGNING_KEY } from '../infrastructure/tokens';
import type { SigningKey } from '../infrastructure/signing-key';

/** passport-jwt strategy: bearer token, ES256 against our own public key, issuer and audience checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(SIGNING_KEY) key: SigningKey, @Inject(SERVICE_CONFIG) config: GatewayConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: key.publicPem,
      algorithms: ['ES256'],
      issuer: config.GATEWAY_ISSUER,
      audience: API_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  validate(claims: Parameters<typeof principalFromClaims>[0]): Principal {
    return principalFromClaims(claims);
  }
}
