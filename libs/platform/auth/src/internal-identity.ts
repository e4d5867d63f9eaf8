import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { JsonWebTokenError, sign, TokenExpiredError, verify } from 'jsonwebtoken';
import { DomainError, PlatformErrorCode } from '@platform/errors';
import { Principal } from './principal';

/** Issuer of internal principal tokens: the gateway, with a key used for nothing else (ADR 0073). */
export const INTERNAL_ISSUER = 'transport-credit-gateway-internal';

interface PrincipalClaims {
  prn: Principal;
}

/**
 * Signs the caller's principal for one target service: a compact JWS (ES256) with `aud` = the
 * target, `iss` = INTERNAL_ISSUER and an expiry of `ttlSeconds`, so a pod that can reach a service
 * cannot make up a principal, and a token seen on the way is useless elsewhere and soon.
 */
export class PrincipalSigner {
  private readonly key: KeyObject;

  constructor(
    privateKeyPem: string,
    private readonly ttlSeconds = 30,
  ) {
    this.key = createPrivateKey(privateKeyPem);
    if (this.key.asymmetricKeyType !== 'ec' || this.key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new Error('the internal identity key must be an EC P-256 private key');
    }
  }

  /**
   * `audience`: the service the call goes to, or several when that service passes the caller's
   * principal on to another (permits → joint measures' decision, ADR 0073).
   */
  sign(principal: Principal, audience: string | readonly string[]): string {
    const claims: PrincipalClaims = { prn: principal };
    return sign(claims, this.key, {
      algorithm: 'ES256',
      audience: typeof audience === 'string' ? audience : [...audience],
      issuer: INTERNAL_ISSUER,
      subject: principal.clientId,
      expiresIn: this.ttlSeconds,
    });
  }
}

/** Verifies a signed principal for this service (`audiences`: the names it answers to). */
export class PrincipalVerifier {
  private readonly key: KeyObject;

  constructor(
    publicKeyPem: string,
    private readonly audiences: readonly string[],
  ) {
    this.key = createPublicKey(publicKeyPem);
    if (this.key.asymmetricKeyType !== 'ec' || this.key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new Error('the internal identity key must be an EC P-256 public key');
    }
    if (audiences.length === 0) throw new Error('a principal verifier needs at least one audience');
  }

  /** The principal, or 401/UNAUTHENTICATED for a missing, unsigned, tampered, expired or misaddressed one. */
  verify(token: string | undefined): Principal {
    if (!token) throw unauthenticated('No principal was passed with the call.');
    try {
      const claims = verify(token, this.key, {
        algorithms: ['ES256'],
        issuer: INTERNAL_ISSUER,
        audience: this.audiences as [string, ...string[]],
      }) as Partial<PrincipalClaims>;
      const principal = claims.prn;
      if (!principal || typeof principal.clientId !== 'string' || typeof principal.region !== 'string' || !Array.isArray(principal.scopes)) {
        throw new JsonWebTokenError('principal claim malformed');
      }
      return principal;
    } catch (error) {
      if (error instanceof TokenExpiredError) throw unauthenticated('The principal passed with the call has expired.');
      if (error instanceof JsonWebTokenError) throw unauthenticated(`The principal passed with the call was refused (${error.message}).`);
      throw error;
    }
  }
}

function unauthenticated(message: string): DomainError {
  return new DomainError(PlatformErrorCode.Unauthenticated, 'unauthenticated', message);
}
