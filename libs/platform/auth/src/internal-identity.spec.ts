import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { DomainError } from '@platform/errors';
import { encodePrincipal, Principal } from './principal';
import { INTERNAL_ISSUER, PrincipalSigner, PrincipalVerifier } from './internal-identity';

function keyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

describe('signed internal principal (ADR 0073)', () => {
  const gateway = keyPair();
  const principal: Principal = { clientId: 'zhengzhou', kind: 'integrator', scopes: ['records:write'], region: '410100' };
  const signer = new PrincipalSigner(gateway.privateKey, 30);
  const permits = new PrincipalVerifier(gateway.publicKey, ['permits']);

  const refusal = (token: string | undefined): DomainError => {
    try {
      permits.verify(token);
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('accepted');
  };

  it('gives the target service back the principal the gateway signed for it', () => {
    expect(permits.verify(signer.sign(principal, 'permits'))).toEqual(principal);
  });

  it.each([
    ['missing', () => undefined],
    ['unsigned (the old base64 JSON)', () => encodePrincipal(principal)],
    ['signed for another service', () => signer.sign(principal, 'collection')],
    ['signed by another key', () => new PrincipalSigner(keyPair().privateKey).sign(principal, 'permits')],
    [
      'tampered (region widened after signing)',
      () => {
        const [header, , signature] = signer.sign(principal, 'permits').split('.');
        const widened = Buffer.from(JSON.stringify({ prn: { ...principal, region: '410000' }, aud: 'permits', iss: INTERNAL_ISSUER, exp: 9e9 })).toString(
          'base64url',
        );
        return `${header}.${widened}.${signature}`;
      },
    ],
    ['expired', () => sign({ prn: principal }, gateway.privateKey, { algorithm: 'ES256', audience: 'permits', issuer: INTERNAL_ISSUER, expiresIn: -1 })],
    ['with "alg: none"', () => sign({ prn: principal }, '', { algorithm: 'none', audience: 'permits', issuer: INTERNAL_ISSUER })],
  ])('refuses a principal %s as UNAUTHENTICATED', (_case, token) => {
    expect(refusal(token())).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', kind: 'unauthenticated' });
  });

  it('gives a principal signed for a service and the one it passes it on to (permits → joint measures) to each of them, and to no other', () => {
    const token = signer.sign(principal, ['permits', 'joint-measures']);
    expect(permits.verify(token)).toEqual(principal);
    expect(new PrincipalVerifier(gateway.publicKey, ['joint-measures']).verify(token)).toEqual(principal);
    expect(() => new PrincipalVerifier(gateway.publicKey, ['collection']).verify(token)).toThrow(expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }));
  });

  it('accepts a principal signed with any of the public keys of its file while the key rotates, and only those', () => {
    const next = keyPair();
    const rotating = new PrincipalVerifier(`${gateway.publicKey}\n${next.publicKey}`, ['permits']);
    expect(rotating.verify(signer.sign(principal, 'permits'))).toEqual(principal);
    expect(rotating.verify(new PrincipalSigner(next.privateKey).sign(principal, 'permits'))).toEqual(principal);
    expect(() => rotating.verify(new PrincipalSigner(keyPair().privateKey).sign(principal, 'permits'))).toThrow(
      expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }),
    );
    // A refusal that does not depend on the key is not retried into an acceptance by the next one.
    expect(() => rotating.verify(new PrincipalSigner(next.privateKey).sign(principal, 'collection'))).toThrow(
      expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }),
    );
  });

  it('refuses a key that is not EC P-256, private or public', () => {
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(() => new PrincipalSigner(rsa.privateKey)).toThrow(/EC P-256/);
    expect(() => new PrincipalVerifier(rsa.publicKey, ['permits'])).toThrow(/EC P-256/);
    const p384 = generateKeyPairSync('ec', {
      namedCurve: 'P-384',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(() => new PrincipalVerifier(p384.publicKey, ['permits'])).toThrow(/EC P-256/);
  });
});
