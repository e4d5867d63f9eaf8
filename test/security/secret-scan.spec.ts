import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AllowedFinding, isAllowed, scanRepository, scanText } from './secret-scan';

const ROOT = join(__dirname, '..', '..');
const allowList = (JSON.parse(readFileSync(join(__dirname, 'secret-scan.allow.json'), 'utf8')) as { allowed: AllowedFinding[] }).allowed;

// Secrets are assembled at run time so that this file itself holds none.
const dash5 = '-'.repeat(5);
const planted = {
  pem: `${dash5}BEGIN EC PRIVATE KEY${dash5}`,
  jwt: ['eyJhbGciOiJFUzI1NiJ9', 'eyJzdWIiOiJjbGllbnQtMSJ9', 'c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMDEyMzQ1Njc4OQ'].join('.'),
  github: `ghp_${'a1B2'.repeat(9)}`,
  url: `postgres://app:${'s3cr3t-pw'}@db:5432/app`,
};

describe('secret scan (issue 23 item 7)', () => {
  it('finds a private key, a token and a password in a URL, each on its line', () => {
    const text = ['const a = 1;', planted.pem, `token = "${planted.jwt}"`, planted.github, `DATABASE_URL=${planted.url}`].join('\n');
    expect(scanText('fixture.ts', text)).toEqual([
      { path: 'fixture.ts', line: 2, secret: 'private key (PEM)' },
      { path: 'fixture.ts', line: 3, secret: 'JSON Web Token' },
      { path: 'fixture.ts', line: 4, secret: 'GitHub token' },
      { path: 'fixture.ts', line: 5, secret: 'URL with a password' },
    ]);
  });

  it('does not take a URL without a password, or one with a placeholder, for a secret', () => {
    expect(scanText('ok.ts', 'postgres://postgres@localhost:5432/db\nnats://localhost:4222\npostgres://u:${PASSWORD}@db/x')).toEqual([]);
  });

  it('accepts a finding only where the allow-list names its file and kind', () => {
    const finding = { path: 'test/fixtures/key.pem', line: 1, secret: 'private key (PEM)' };
    expect(isAllowed(finding, [{ path: 'test/fixtures/key.pem', secret: 'private key (PEM)', reason: 'fixture' }])).toBe(true);
    expect(isAllowed(finding, [{ path: 'test/fixtures/key.pem', secret: 'JSON Web Token', reason: 'fixture' }])).toBe(false);
  });

  it('finds no secret in the repository beyond the allow-list', () => {
    const findings = scanRepository(ROOT).filter((finding) => !isAllowed(finding, allowList));
    expect(findings).toEqual([]);
  });
});
