import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonWebTokenError, sign } from 'jsonwebtoken';
import { KeyRing, loadSigningKey, loadVerificationKeys, signingKeyOf, verificationKey } from './signing-key';

const p256 = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const publicPem = (key: KeyObject) => key.export({ format: 'pem', type: 'spki' }).toString();
const privatePem = (key: KeyObject) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
const tempDir = () => mkdtempSync(join(tmpdir(), 'verification-keys-'));

describe('loadVerificationKeys (GATEWAY_JWT_VERIFICATION_KEYS_DIR)', () => {
  it('has no keys when no directory is configured', () => {
    expect(loadVerificationKeys(undefined)).toEqual([]);
  });

  it('reads every *.pem public key, skipping dot files and the Secret volume bookkeeping', () => {
    const [previous, next] = [p256(), p256()];
    const dir = tempDir();
    // A Kubernetes Secret volume: the files live in a timestamped folder behind ..data, the keys are symlinks.
    const data = join(dir, '..2026_12_06_21_00_00.1');
    mkdirSync(data);
    writeFileSync(join(data, 'previous.pem'), publicPem(previous.publicKey));
    symlinkSync('..2026_12_06_21_00_00.1', join(dir, '..data'));
    symlinkSync('..data/previous.pem', join(dir, 'previous.pem'));
    writeFileSync(join(dir, 'next.pem'), publicPem(next.publicKey));
    writeFileSync(join(dir, '.ignored.pem'), 'not a key');
    writeFileSync(join(dir, 'README'), 'not a key either');

    const kids = loadVerificationKeys(dir).map((k) => k.kid);
    expect(kids).toEqual([verificationKey(next.publicKey).kid, verificationKey(previous.publicKey).kid]); // by file name
  });

  it('refuses a private key: only the public half of a retired key is kept on the pods', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.pem'), privatePem(p256().privateKey));
    expect(() => loadVerificationKeys(dir)).toThrow(/old\.pem: a private key; keep only its public half/);
  });

  it('refuses a key that cannot verify ES256 (not P-256)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p384.pem'), publicPem(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey));
    expect(() => loadVerificationKeys(dir)).toThrow(/p384\.pem: expected an EC P-256 public key/);
  });

  it('names the setting when the directory is missing', () => {
    expect(() => loadVerificationKeys(join(tempDir(), 'absent'))).toThrow(/GATEWAY_JWT_VERIFICATION_KEYS_DIR .*absent/);
  });
});

describe('loadSigningKey', () => {
  it('refuses a key that cannot sign ES256', () => {
    const file = join(tempDir(), 'key.pem');
    writeFileSync(file, privatePem(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey));
    expect(() => loadSigningKey(file)).toThrow(/expected an EC P-256 private key/);
  });

  it('gives the same key the same kid whichever half it is read from', () => {
    const pair = p256();
    const file = join(tempDir(), 'key.pem');
    writeFileSync(file, privatePem(pair.privateKey));
    expect(loadSigningKey(file).kid).toBe(verificationKey(pair.publicKey).kid);
  });
});

describe('KeyRing', () => {
  const current = p256();
  const previous = p256();
  const signing = signingKeyOf(current.privateKey);
  const previousKey = verificationKey(previous.publicKey);
  const ring = new KeyRing(signing, [previousKey]);
  const token = (privateKey: KeyObject, keyid?: string) => sign({ sub: 'x' }, privateKey, { algorithm: 'ES256', ...(keyid ? { keyid } : {}) });

  it('publishes the signing key first, then the verification-only keys, public halves only', () => {
    const { keys } = ring.jwks();
    expect(keys.map((k) => k.kid)).toEqual([signing.kid, previousKey.kid]);
    for (const key of keys) {
      expect(key).toEqual(expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }));
      expect(key).not.toHaveProperty('d');
    }
  });

  it('publishes a key once even when it is also among the verification files', () => {
    expect(new KeyRing(signing, [verificationKey(current.publicKey), previousKey]).jwks().keys.map((k) => k.kid)).toEqual([signing.kid, previousKey.kid]);
  });

  it("picks the key a token's kid names, the signing key for a token without kid", () => {
    expect(ring.publicKeyFor(token(previous.privateKey, previousKey.kid))).toBe(previousKey.publicKey);
    expect(ring.publicKeyFor(token(current.privateKey, signing.kid))).toBe(signing.publicKey);
    expect(ring.publicKeyFor(token(previous.privateKey))).toBe(signing.publicKey);
    expect(ring.publicKeyFor('not a token')).toBe(signing.publicKey); // the signature check then refuses it
  });

  it('refuses a kid no published key has, as an invalid token', () => {
    expect(() => new KeyRing(signing).publicKeyFor(token(previous.privateKey, previousKey.kid))).toThrow(JsonWebTokenError);
  });
});
