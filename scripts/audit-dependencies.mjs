#!/usr/bin/env node
// Dependency audit (issue 23 item 7, ADR 0074): `npm audit --json` against the committed
// allow-list `audit-allowlist.json`. Fails on an advisory of severity >= AUDIT_LEVEL (default
// moderate) that the allow-list does not name; warns about allow-list entries that no longer match.
// When the registry cannot answer (offline, or a mirror without the audit endpoint), it says so and
// passes, unless AUDIT_REQUIRED=1.
//   node scripts/audit-dependencies.mjs                 run npm audit
//   node scripts/audit-dependencies.mjs --report f.json  check a saved `npm audit --json` report
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'];

function argument(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function runAudit() {
  try {
    return execFileSync('npm', ['audit', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // npm audit exits non-zero when it finds something: its report is still on stdout.
    if (typeof error.stdout === 'string' && error.stdout.trim()) return error.stdout;
    return JSON.stringify({ message: error.message });
  }
}

/** Every advisory in the report: package, advisory URL, severity, title. */
export function advisories(report) {
  const found = new Map();
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object') continue; // a package that is only vulnerable through another
      found.set(`${name} ${via.url}`, { package: name, advisory: via.url, severity: via.severity, title: via.title });
    }
  }
  return [...found.values()];
}

function main() {
  const level = process.env.AUDIT_LEVEL ?? 'moderate';
  const reportPath = argument('--report');
  const allowListPath = argument('--allow-list') ?? join(ROOT, 'audit-allowlist.json');
  const text = reportPath ? readFileSync(reportPath, 'utf8') : runAudit();
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    report = { message: `unreadable npm audit output: ${text.slice(0, 200)}` };
  }
  if (!report.vulnerabilities) {
    const reason = report.message ?? report.error?.summary ?? 'no vulnerabilities section in the report';
    console.log(`dependency audit UNAVAILABLE: the registry did not answer the audit (${String(reason).split('\n')[0]})`);
    console.log('  nothing was checked; run `npm run audit` where the public registry is reachable.');
    process.exit(process.env.AUDIT_REQUIRED === '1' ? 2 : 0);
  }
  const allowed = JSON.parse(readFileSync(allowListPath, 'utf8')).allowed;
  const found = advisories(report);
  const isAllowed = (a) => allowed.some((entry) => entry.package === a.package && entry.advisory === a.advisory);
  const failing = found.filter((a) => SEVERITIES.indexOf(a.severity) >= SEVERITIES.indexOf(level) && !isAllowed(a));
  for (const entry of allowed) {
    if (!found.some((a) => a.package === entry.package && a.advisory === entry.advisory)) {
      console.log(`allow-list entry no longer needed: ${entry.package} ${entry.advisory}`);
    }
  }
  for (const a of failing) console.log(`${a.severity}: ${a.package} — ${a.title} (${a.advisory})`);
  console.log(`dependency audit: ${found.length} advisories, ${found.length - failing.length} below ${level} or allowed, ${failing.length} failing`);
  process.exit(failing.length > 0 ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
