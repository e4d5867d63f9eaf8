import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrincipalSigner } from '@platform/auth';
import { BaseServiceConfig, ConfigError } from '@platform/config';
import { installPrincipalVerifier, verifiedPrincipal } from '@platform/grpc';
import { installInternalIdentity, internalIdentityKey } from './internal-identity';

describe('internal identity keys at boot (ADR 0073)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'internal-identity-'));
  const keys = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const publicKeyFile = join(dir, 'public.pem');
  writeFileSync(publicKeyFile, keys.publicKey);
  const config = (path?: string) => ({ INTERNAL_IDENTITY_PUBLIC_KEY_FILE: path }) as BaseServiceConfig & { INTERNAL_IDENTITY_PUBLIC_KEY_FILE?: string };
  const principal = { clientId: 'zhengzhou', kind: 'integrator' as const, scopes: ['records:read'], region: '410100' };

  afterEach(() => installPrincipalVerifier(undefined));

  const configError = (run: () => unknown): ConfigError => {
    try {
      run();
    } catch (error) {
      return error as ConfigError;
    }
    throw new Error('no error');
  };

  it('installs a verifier that accepts what the gateway signed for this service only', () => {
    installInternalIdentity(config(publicKeyFile), 'evaluation');
    const signer = new PrincipalSigner(keys.privateKey);
    expect(verifiedPrincipal(signer.sign(principal, 'evaluation'))).toEqual(principal);
    expect(() => verifiedPrincipal(signer.sign(principal, 'collection'))).toThrow(expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }));
  });

  it('leaves a process without the variable (the gateway) accepting no principal at all', () => {
    installInternalIdentity(config(undefined), 'gateway');
    expect(() => verifiedPrincipal(new PrincipalSigner(keys.privateKey).sign(principal, 'gateway'))).toThrow(
      expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }),
    );
  });

  it('stops the boot with a configuration error naming the variable for a file that cannot be read', () => {
    const error = configError(() => installInternalIdentity(config(join(dir, 'missing.pem')), 'evaluation'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual([{ variable: 'INTERNAL_IDENTITY_PUBLIC_KEY_FILE', message: expect.stringContaining('ENOENT') }]);
  });

  it('stops the boot with a configuration error for a file that holds no usable key', () => {
    const notAKey = join(dir, 'not-a-key.pem');
    writeFileSync(notAKey, 'hello');
    const rsa = join(dir, 'rsa.pem');
    writeFileSync(
      rsa,
      generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      }).publicKey,
    );
    for (const path of [notAKey, rsa]) {
      const error = configError(() => installInternalIdentity(config(path), 'evaluation'));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.problems).toEqual([{ variable: 'INTERNAL_IDENTITY_PUBLIC_KEY_FILE', message: expect.stringContaining(path) }]);
    }
  });

  it('reads the gateway’s private key the same way', () => {
    const privateKeyFile = join(dir, 'private.pem');
    writeFileSync(privateKeyFile, keys.privateKey);
    expect(internalIdentityKey('GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE', privateKeyFile, (pem) => new PrincipalSigner(pem))).toBeInstanceOf(
      PrincipalSigner,
    );
    expect(
      configError(() => internalIdentityKey('GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE', publicKeyFile, (pem) => new PrincipalSigner(pem))).problems,
    ).toEqual([{ variable: 'GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE', message: expect.stringContaining(publicKeyFile) }]);
  });
});
