import { generateKeyPairSync } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { isDomainError } from '@platform/errors';
import type { GatewayConfig } from '../../gateway.definition';
import type { SigningKey } from '../infrastructure/signing-key';
import { DisabledClients } from '../infrastructure/disabled-clients';
import { VerifiedTokenCache } from '../infrastructure/verified-token-cache';
import { API_AUDIENCE, TokenService } from './token.service';

describe('TokenService.verify (the gateway gRPC face)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const key = { kid: 'k', privateKey, publicKey } as unknown as SigningKey;
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
    service = new TokenService({} as DataSource, key, config, cache, disabled);
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
});
