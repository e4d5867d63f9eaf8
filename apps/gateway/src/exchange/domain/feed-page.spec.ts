import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { keyFor, PageRefused, pageKeyId, verifyPage, type Jwks } from './feed-page';

// The checks are those docs/exchange.md "Change feed" asks of a receiver (ADR 0068): the key named
// by `kid`, ES256 only, `aud` = exchange:<our region>, `exp`, `iss`, and `since` = the cursor asked with.
const partner = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const forger = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const jwks: Jwks = { keys: [{ ...partner.publicKey.export({ format: 'jwk' }), kid: 'henan-1', alg: 'ES256', use: 'sig' }] };
const NOW = 1_796_000_000;
const expect_ = { issuer: 'gateway-henan', audience: 'exchange:420000', since: 'c1.5', now: NOW };

function page(overrides: { claims?: object; key?: KeyObject; kid?: string; audience?: string; issuer?: string; exp?: number; typ?: string } = {}): string {
  return sign(
    { since: 'c1.5', next: 'c1.9', head: 'c1.9', changes: [], iat: NOW - 10, exp: overrides.exp ?? NOW + 3600, ...overrides.claims },
    overrides.key ?? partner.privateKey,
    {
      algorithm: 'ES256',
      header: { alg: 'ES256', kid: overrides.kid ?? 'henan-1', typ: overrides.typ ?? 'exchange-page+jwt' },
      issuer: overrides.issuer ?? 'gateway-henan',
      audience: overrides.audience ?? 'exchange:420000',
    },
  );
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PageRefused) return error.reason;
    throw error;
  }
  return 'accepted';
}

/** `null`: asked from the start (no cursor). */
const verified = (jws: string, since: string | null = 'c1.5') => verifyPage(jws, keyFor(jwks, pageKeyId(jws))!, { ...expect_, since: since ?? undefined });

describe('a partner feed page', () => {
  it('is accepted when signed by the named key, for us, current, and answering our cursor', () => {
    expect(verified(page())).toMatchObject({ since: 'c1.5', next: 'c1.9', head: 'c1.9', changes: [] });
  });

  it('is refused when signed by another key under the partner kid (forged)', () => {
    expect(refusal(() => verified(page({ key: forger.privateKey })))).toBe('signature');
  });

  it('is refused after its exp', () => {
    expect(refusal(() => verified(page({ exp: NOW - 3600 })))).toBe('expired');
  });

  it('is refused when addressed to another province (audience)', () => {
    expect(refusal(() => verified(page({ audience: 'exchange:430000' })))).toBe('audience');
  });

  it('is refused from another issuer', () => {
    expect(refusal(() => verified(page({ issuer: 'someone-else' })))).toBe('issuer');
  });

  it('is refused when it answers another cursor than the one asked (a replayed page)', () => {
    expect(refusal(() => verified(page({ claims: { since: 'c1.0' } }), 'c1.5'))).toBe('replayed');
  });

  it('from the start accepts only the start cursor (every position 0: c1.0, c2.0.0)', () => {
    expect(verified(page({ claims: { since: 'c1.0' } }), null).since).toBe('c1.0');
    expect(verified(page({ claims: { since: 'c2.0.0' } }), null).since).toBe('c2.0.0');
    expect(refusal(() => verified(page(), null))).toBe('replayed');
    expect(refusal(() => verified(page({ claims: { since: 'c2.0.57' } }), null))).toBe('replayed');
  });

  it('is refused when not ES256 (HS256 with the public key as secret; alg none)', () => {
    const hs = sign({ since: 'c1.5', next: 'c1.9', head: 'c1.9', changes: [] }, 'secret', {
      algorithm: 'HS256',
      header: { alg: 'HS256', kid: 'henan-1', typ: 'exchange-page+jwt' },
    });
    expect(refusal(() => pageKeyId(hs))).toBe('algorithm');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'henan-1', typ: 'exchange-page+jwt' })).toString('base64url')}.${Buffer.from(JSON.stringify({ since: 'c1.5' })).toString('base64url')}.`;
    expect(refusal(() => pageKeyId(none))).toBe('algorithm');
  });

  it('is refused when it is an access token, not a page (typ)', () => {
    expect(refusal(() => pageKeyId(page({ typ: 'JWT' })))).toBe('not-a-page');
  });

  it('names a kid the JWKS lacks: no key (the caller fetches the JWKS again)', () => {
    expect(keyFor(jwks, 'rotated-2')).toBeNull();
  });

  it('is refused when its claims are not a page', () => {
    expect(refusal(() => verified(page({ claims: { changes: 'none' } })))).toBe('malformed');
  });
});
