import { createHash, createPrivateKey, createPublicKey, KeyObject, JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
  jwk: JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' };
}

/**
 * The EC P-256 key that signs access tokens (ES256: asymmetric, so services and partners can
 * verify with the published JWKS and never hold the signing key). The kid is the RFC 7638
 * thumbprint, stable for a given key, so rotation is "add the new key to JWKS, then switch".
 */
export function loadSigningKey(path: string): SigningKey {
  const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`${path}: expected an EC P-256 private key for ES256`);
  }
  const publicKey = createPublicKey(privateKey);
  const { crv, x, y } = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv, kty: 'EC', x, y }))
    .digest('base64url');
  return {
    kid,
    privateKey,
    publicKey,
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    jwk: { kty: 'EC', crv, x, y, kid, alg: 'ES256', use: 'sig' },
  };
}
