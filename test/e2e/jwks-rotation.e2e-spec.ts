import { createHash, generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningPlatform, startPlatform } from '../support/platform-harness';

/**
 * Rotating the gateway's signing key (issue 22, ADR 0082) by the procedure of docs/ops.md
 * ("Rotate keys and passwords"), with the files laid out as the Kubernetes Secrets mount them:
 * the signing key at GATEWAY_JWT_PRIVATE_KEY_FILE, verification-only public keys in
 * GATEWAY_JWT_VERIFICATION_KEYS_DIR, each step a change of files and a restart (the rollout).
 * What must hold (ADR 0082): tokens are signed with the current key; a token of the previous key
 * is still accepted while that key is published; once the key is removed, its tokens are refused
 * as invalid (AUTH.TOKEN_INVALID, the code for a token whose signature cannot be verified).
 * The probe is GET /api/v1/admin/clients with the regulator's admin token (API.md: admin clients),
 * which the gateway answers from its own database.
 */
describe('rotating the gateway signing key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jwks-rotation-'));
  const signingFile = join(dir, 'signing-key', 'private-key.pem');
  const verificationDir = join(dir, 'verification-keys');
  const old = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const next = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const oldKid = thumbprint(old.publicKey);
  const nextKid = thumbprint(next.publicKey);
  let platform: RunningPlatform;
  let oldToken: string;
  let nextToken: string;

  const writePrivate = (key: KeyObject) => writeFileSync(signingFile, key.export({ format: 'pem', type: 'pkcs8' }).toString());
  const writePublic = (name: string, key: KeyObject) => writeFileSync(join(verificationDir, name), key.export({ format: 'pem', type: 'spki' }).toString());
  const kidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid?: string }).kid;
  const publishedKids = async () =>
    ((await (await fetch(`${platform.gatewayUrl}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  const probe = async (token: string) => {
    const response = await fetch(`${platform.gatewayUrl}/api/v1/admin/clients`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: response.status === 200 ? undefined : body.code };
  };
  /** The rollout after a Secret change: the gateway reads its keys at boot only. */
  const rollOut = async () => {
    const gateway = platform.processes.gateway;
    const exited = new Promise((resolve) => gateway.once('exit', resolve));
    gateway.kill('SIGTERM');
    await exited;
    await platform.restart('gateway');
  };

  beforeAll(async () => {
    mkdirSync(join(dir, 'signing-key'));
    mkdirSync(verificationDir);
    writePrivate(old.privateKey);
    platform = await startPlatform(['gateway'], { GATEWAY_JWT_PRIVATE_KEY_FILE: signingFile, GATEWAY_JWT_VERIFICATION_KEYS_DIR: verificationDir });
    oldToken = await platform.token('regulator');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('before: the one key signs and is the only one published', async () => {
    expect(kidOf(oldToken)).toBe(oldKid);
    expect(await publishedKids()).toEqual([oldKid]);
    expect(await probe(oldToken)).toEqual({ status: 200, code: undefined });
  });

  it('step 1: the next key is published before it signs anything; the old key still signs', async () => {
    writePublic('next.pem', next.publicKey);
    await rollOut();
    expect(await publishedKids()).toEqual([oldKid, nextKid]);
    expect(kidOf(await platform.token('regulator'))).toBe(oldKid);
    expect(await probe(oldToken)).toEqual({ status: 200, code: undefined });
  }, 120_000);

  it("step 2: the next key signs; the old key's token is still accepted while the old key is published", async () => {
    writePrivate(next.privateKey);
    rmSync(join(verificationDir, 'next.pem'));
    writePublic('previous.pem', old.publicKey);
    await rollOut();
    expect(await publishedKids()).toEqual([nextKid, oldKid]);
    nextToken = await platform.token('regulator');
    expect(kidOf(nextToken)).toBe(nextKid);
    expect(await probe(nextToken)).toEqual({ status: 200, code: undefined });
    expect(await probe(oldToken)).toEqual({ status: 200, code: undefined });
  }, 120_000);

  it("step 3: once the old key is removed, its token is refused and the new key's is not", async () => {
    rmSync(join(verificationDir, 'previous.pem'));
    await rollOut();
    expect(await publishedKids()).toEqual([nextKid]);
    expect(await probe(oldToken)).toEqual({ status: 401, code: 'AUTH.TOKEN_INVALID' });
    expect(await probe(nextToken)).toEqual({ status: 200, code: undefined });
  }, 120_000);
});

/** The key's JWK thumbprint (RFC 7638 §3.2: the required EC members crv, kty, x, y in that order), the kid the gateway publishes. */
function thumbprint(publicKey: KeyObject): string {
  const { crv, x, y } = publicKey.export({ format: 'jwk' });
  return createHash('sha256')
    .update(JSON.stringify({ crv, kty: 'EC', x, y }))
    .digest('base64url');
}
