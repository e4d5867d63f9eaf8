import { createHash, createPrivateKey, createPublicKey, KeyObject, JsonWebKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonWebTokenError } from 'jsonwebtoken';

/** One key as published in the JWKS (RFC 7517): public half only. */
export type PublishedJwk = JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' };

/** A key tokens are verified with: the signing key's public half, or a verification-only key. */
export interface VerificationKey {
  kid: string;
  publicKey: KeyObject;
  jwk: PublishedJwk;
}

export interface SigningKey extends VerificationKey {
  privateKey: KeyObject;
  publicPem: string;
}

/**
 * The EC P-256 key that signs access tokens (ES256: asymmetric, so services and partners can
 * verify with the published JWKS and never hold the signing key). The kid is the RFC 7638
 * thumbprint, stable for a given key, so the same key keeps its kid across restarts and files.
 */
export function loadSigningKey(path: string): SigningKey {
  const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
  assertEs256(privateKey, path, 'private');
  return signingKeyOf(privateKey);
}

export function signingKeyOf(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return { ...verificationKey(publicKey), privateKey, publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}

/** A public key as a verification-only key (its kid the RFC 7638 thumbprint, like the signing key's). */
export function verificationKey(publicKey: KeyObject): VerificationKey {
  const { crv, x, y } = publicKey.export({ format: 'jwk' });
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv, kty: 'EC', x, y }))
    .digest('base64url');
  return { kid, publicKey, jwk: { kty: 'EC', crv, x, y, kid, alg: 'ES256', use: 'sig' } };
}

/**
 * The verification-only keys (ADR 0082, docs/ops.md "Rotate keys and passwords"): every `*.pem` in
 * `dir`, each the public half of an EC P-256 key: the previous signing key while tokens and
 * exchange pages it signed may still be presented, and the next one before it starts signing.
 * Files whose names start with a dot are skipped: a Kubernetes Secret volume keeps its
 * bookkeeping (`..data`, `..<timestamp>`) there. No directory configured: no such keys.
 */
export function loadVerificationKeys(dir: string | undefined): VerificationKey[] {
  if (!dir) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new Error(`GATEWAY_JWT_VERIFICATION_KEYS_DIR ${dir}: ${(error as Error).message}`);
  }
  return names
    .filter((name) => name.endsWith('.pem') && !name.startsWith('.'))
    .sort()
    .map((name) => loadPublicKey(join(dir, name)));
}

function loadPublicKey(path: string): VerificationKey {
  const pem = readFileSync(path, 'utf8');
  // Only public halves are published or kept: a retired private key has no business on the pods.
  if (pem.includes('PRIVATE KEY')) {
    throw new Error(`${path}: a private key; keep only its public half here (openssl pkey -in key.pem -pubout)`);
  }
  const publicKey = createPublicKey(pem);
  assertEs256(publicKey, path, 'public');
  return verificationKey(publicKey);
}

function assertEs256(key: KeyObject, path: string, kind: 'private' | 'public'): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`${path}: expected an EC P-256 ${kind} key for ES256`);
  }
}

/**
 * The signing key and the verification-only keys: what the JWKS publishes, and which public key
 * checks a given token. A token names its key by `kid` (the gateway always sets it); a token
 * without one is checked against the signing key only, and a `kid` no published key has is
 * refused, so a key taken out of the ring stops its tokens at once.
 */
export class KeyRing {
  private readonly byKid: ReadonlyMap<string, VerificationKey>;

  constructor(
    readonly signing: SigningKey,
    verificationOnly: readonly VerificationKey[] = [],
  ) {
    const keys = new Map<string, VerificationKey>([[signing.kid, signing]]);
    // The same key twice (say, the signing key also left among the verification files) is harmless: one entry.
    for (const key of verificationOnly) if (!keys.has(key.kid)) keys.set(key.kid, key);
    this.byKid = keys;
  }

  /** The JWKS document: the signing key first. */
  jwks(): { keys: PublishedJwk[] } {
    return { keys: [...this.byKid.values()].map((k) => k.jwk) };
  }

  /** The public key the token's header names; throws JsonWebTokenError (an invalid token) for an unknown kid. */
  publicKeyFor(token: string): KeyObject {
    const kid = headerKid(token);
    if (kid === undefined) return this.signing.publicKey;
    const key = this.byKid.get(kid);
    if (!key) throw new JsonWebTokenError('no published key has this kid');
    return key.publicKey;
  }
}

/**
 * The `kid` of a compact JWS header, undefined when the token has none or cannot be read (the
 * signature check that follows refuses a malformed token with its own reason).
 */
function headerKid(token: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
    const kid = (header as { kid?: unknown } | null)?.kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}
