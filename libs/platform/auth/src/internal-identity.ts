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

/** One PEM block (a file may hold several public keys during a rotation). */
const PEM_BLOCK = /-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g;

/**
 * Verifies a signed principal for this service (`audiences`: the names it answers to).
 * `publicKeysPem` holds the gateway's internal public key, or several while the key rotates
 * (k8s/README.md): a principal signed with any of them is accepted.
 */
export class PrincipalVerifier {
  private readonly keys: KeyObject[];

  constructor(
    publicKeysPem: string,
    private readonly audiences: readonly string[],
  ) {
    this.keys = (publicKeysPem.match(PEM_BLOCK) ?? [publicKeysPem]).map((pem) => {
      const key = createPublicKey(pem);
      if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new Error('the internal identity key must be an EC P-256 public key');
      }
      return key;
    });
    if (audiences.length === 0) throw new Error('a principal verifier needs at least one audience');
  }

  /** The principal, or 401/UNAUTHENTICATED for a missing, unsigned, tampered, expired or misaddressed one. */
  verify(token: string | undefined): Principal {
    if (!token) throw unauthenticated('No principal was passed with the call.');
    try {
      const principal = this.verifiedClaims(token).prn;
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

  /** The claims, checked with the first key whose signature matches; any other refusal does not depend on the key. */
  private verifiedClaims(token: string): Partial<PrincipalClaims> {
    const options = { algorithms: ['ES256' as const], issuer: INTERNAL_ISSUER, audience: this.audiences as [string, ...string[]] };
    for (const [index, key] of this.keys.entries()) {
      try {
        return verify(token, key, options) as Partial<PrincipalClaims>;
      } catch (error) {
        const anotherKeyMayMatch = error instanceof JsonWebTokenError && error.message === 'invalid signature' && index < this.keys.length - 1;
        if (!anotherKeyMayMatch) throw error;
      }
    }
    throw new JsonWebTokenError('no key');
  }
}

function unauthenticated(message: string): DomainError {
  return new DomainError(PlatformErrorCode.Unauthenticated, 'unauthenticated', message);
}
