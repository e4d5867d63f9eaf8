import { generateKeyPairSync } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { isDomainError } from '@platform/errors';
import type { GatewayConfig } from '../../gateway.definition';
import { KeyRing, signingKeyOf, verificationKey } from '../infrastructure/signing-key';
import { DisabledClients } from '../infrastructure/disabled-clients';
import { VerifiedTokenCache } from '../infrastructure/verified-token-cache';
import { API_AUDIENCE, TokenService } from './token.service';

describe('TokenService.verify (the gateway gRPC face)', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keys = new KeyRing(signingKeyOf(privateKey));
  const config = { GATEWAY_ISSUER: 'test-issuer', GATEWAY_TOKEN_TTL_SECONDS: 3600 } as GatewayConfig;
  const claims = { sub: 'permit-window', scope: 'measures:decide records:write', region: '410100', kind: 'integrator' };
  const token = (expiresIn = 3600) => jwt.sign(claims, privateKey, { algorithm: 'ES256', expiresIn, issuer: 'test-issuer', audience: API_AUDIENCE });
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return isDomainError(error) ? error.code : String(error);
    }
    return 'no error';
  };
  let service: TokenService;
  let cache: VerifiedTokenCache;
  let disabled: DisabledClients;
  beforeEach(() => {
    // One clock for the cache and jsonwebtoken's own expiry check.
    jest.useFakeTimers({ now: new Date('2026-11-22T08:00:00Z') });
    cache = new VerifiedTokenCache(10);
    disabled = new DisabledClients({} as DataSource);
    service = new TokenService({} as DataSource, keys, config, cache, disabled);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('verifies a token once and serves it from the verified-token cache until it expires', () => {
    const remembered = jest.spyOn(cache, 'remember');
    const bearer = token();
    const expected = { clientId: 'permit-window', scopes: ['measures:decide', 'records:write'], region: '410100', kind: 'integrator' };
    expect(service.verify(bearer)).toEqual(expected);
    expect(service.verify(bearer)).toEqual(expected);
    expect(remembered).toHaveBeenCalledTimes(1); // verified once; the second answer came from the cache
    jest.setSystemTime(new Date('2026-11-22T09:00:01Z')); // past exp: the cache lets go, the check says expired
    expect(codeOf(() => service.verify(bearer))).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('never caches a token that failed: a forged signature is refused every time', () => {
    const bearer = token();
    const forged = `${bearer.slice(0, -4)}${bearer.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(codeOf(() => service.verify(forged))).toBe('AUTH.TOKEN_INVALID');
    expect(cache.get(forged)).toBeUndefined();
    expect(codeOf(() => service.verify(forged))).toBe('AUTH.TOKEN_INVALID');
    expect(service.verify(bearer).clientId).toBe('permit-window');
  });

  it('refuses a valid, cached token once its client is disabled (ADR 0041)', () => {
    const bearer = token();
    expect(service.verify(bearer).clientId).toBe('permit-window');
    disabled.add('permit-window');
    expect(codeOf(() => service.verify(bearer))).toBe('AUTH.TOKEN_INVALID');
  });

  describe('after a key rotation (ADR 0082)', () => {
    const previous = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const previousKid = verificationKey(previous.publicKey).kid;
    const signedWithPrevious = () =>
      jwt.sign(claims, previous.privateKey, { algorithm: 'ES256', keyid: previousKid, expiresIn: 3600, issuer: 'test-issuer', audience: API_AUDIENCE });
    const serviceWith = (ring: KeyRing) => new TokenService({} as DataSource, ring, config, new VerifiedTokenCache(10), disabled);

    it("accepts a token of the previous key while that key is kept for verification, until the token's own expiry", () => {
      const rotated = serviceWith(new KeyRing(signingKeyOf(privateKey), [verificationKey(previous.publicKey)]));
      const bearer = signedWithPrevious();
      expect(rotated.verify(bearer).clientId).toBe('permit-window');
      jest.setSystemTime(new Date('2026-11-22T09:00:01Z'));
      expect(codeOf(() => rotated.verify(bearer))).toBe('AUTH.TOKEN_EXPIRED');
    });

    it('refuses it once the key is removed, and a token naming a kid nobody published', () => {
      expect(codeOf(() => service.verify(signedWithPrevious()))).toBe('AUTH.TOKEN_INVALID');
      const unknownKid = jwt.sign(claims, privateKey, {
        algorithm: 'ES256',
        keyid: 'not-published',
        expiresIn: 3600,
        issuer: 'test-issuer',
        audience: API_AUDIENCE,
      });
      expect(codeOf(() => service.verify(unknownKid))).toBe('AUTH.TOKEN_INVALID');
    });

    it("never lets a token borrow another key's kid: the previous key's token under the signing key's kid is refused", () => {
      const rotated = serviceWith(new KeyRing(signingKeyOf(privateKey), [verificationKey(previous.publicKey)]));
      const borrowed = jwt.sign(claims, previous.privateKey, {
        algorithm: 'ES256',
        keyid: keys.signing.kid,
        expiresIn: 3600,
        issuer: 'test-issuer',
        audience: API_AUDIENCE,
      });
      expect(codeOf(() => rotated.verify(borrowed))).toBe('AUTH.TOKEN_INVALID');
    });
  });
});
