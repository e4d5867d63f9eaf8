import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A kind of secret and how it looks in text (issue 23 item 7: private keys, tokens). */
export interface SecretPattern {
  name: string;
  pattern: RegExp;
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { name: 'private key (PEM)', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----/ },
  { name: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/ },
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'URL with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]+:(?!\$\{)[^\s@/'"`]{6,}@/ },
];

/** A finding the repository accepts, with the reason (test/security/secret-scan.allow.json). */
export interface AllowedFinding {
  path: string;
  secret: string;
  reason: string;
}

export interface Finding {
  path: string;
  line: number;
  secret: string;
}

/** The secrets in one file's text, by line. */
export function scanText(path: string, text: string, patterns: readonly SecretPattern[] = SECRET_PATTERNS): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((content, index) => {
    for (const { name, pattern } of patterns) if (pattern.test(content)) findings.push({ path, line: index + 1, secret: name });
  });
  return findings;
}

export function isAllowed(finding: Finding, allowList: readonly AllowedFinding[]): boolean {
  return allowList.some((allowed) => allowed.path === finding.path && allowed.secret === finding.secret);
}

/** Every file git tracks or would add (not ignored), scanned; binary files are skipped. */
export function scanRepository(root: string): Finding[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  return files.flatMap((path) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, path));
    } catch {
      return []; // deleted in the work tree
    }
    if (bytes.includes(0)) return [];
    return scanText(path, bytes.toString('utf8'));
  });
}
