// How fast an approved repair reaches public view (issue 19 "Speed": from the approval to the
// record's disappearance from GET /public/v1/subjects/{uscc}, cache included, p95 under 2 s on an
// idle platform). Self-contained: starts gateway, collection, disclosure and repair from dist/ on
// free loopback ports against a fresh database and a private NATS prefix, posts one general
// penalty decided 4 months ago per subject (past its 3-month minimum), waits until each is public
// and reads its profile once (so the gateway's cache holds it), then one repair at a time: apply,
// approve, and poll the public profile every 10 ms until the penalty is gone. Prints a Markdown
// row for docs/perf.md. Does not need `npm start`.
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/repair-effect-bench.mjs [repairs=50]
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { startPrivatePlatform } from './lib/private-platform.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const { usccCheckCharacter } = require(join(ROOT, 'dist/libs/domain/identifiers/src'));
const { addMonths, chinaDateOf } = require(join(ROOT, 'dist/libs/domain/calendar/src'));

const REPAIRS = Number(process.argv[2] ?? 50);
const POLL_MS = 10;
const GIVE_UP_MS = 30_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function penalty(n, run, decisionDate) {
  const first17 = `91410100${run}${String(n).padStart(5, '0')}`;
  const uscc = first17 + usccCheckCharacter(first17);
  return {
    uscc,
    body: {
      recordType: 'administrative-penalty',
      subject: { kind: 'org', id: uscc, name: `郑州修复测速运输有限公司${n}` },
      region: '410100',
      severity: 'general',
      decisionDate,
      documentNumber: `郑交执罚〔2026〕R${run}${n}号`,
      sourceRecordId: `repair-bench-${run}-${n}`,
      payload: {
        facts: '车辆超限运输',
        violationType: '超限运输',
        penaltyCategories: ['warning'],
        penaltyBasis: '《公路安全保护条例》第六十四条',
        penaltyContent: '警告',
        authority: '郑州市交通运输局',
        authorityUscc: '11410100005252717P',
      },
    },
  };
}

async function main() {
  const secret = randomBytes(18).toString('base64url');
  const platform = await startPrivatePlatform({
    label: 'repair',
    apps: ['gateway', 'collection', 'disclosure', 'repair'],
    clients: [{ clientId: 'bench', clientSecret: secret, name: 'bench', kind: 'integrator', region: '410100', scopes: ['records:write', 'records:read'] }],
    env: { NODE_ENV: 'production', GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000', PUBLIC_BASE_URL: 'https://credit.example.cn' },
    onLine: (name, line) => process.env.BENCH_LOGS && console.error(`${name}: ${line}`),
  });
  try {
    const gateway = `http://127.0.0.1:${platform.ports.gateway.http}`;
    const token = await fetch(`${gateway}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'bench', client_secret: secret }),
    })
      .then((r) => r.json())
      .then((j) => j.access_token);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const post = async (path, body, expected) => {
      const response = await fetch(`${gateway}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const json = await response.json();
      if (response.status !== expected) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const shown = async (uscc, documentNumber) => {
      const response = await fetch(`${gateway}/public/v1/subjects/${uscc}`);
      if (!response.ok) return false;
      return ((await response.json()).penalties ?? []).some((p) => p.documentNumber === documentNumber);
    };
    const until = async (what, condition) => {
      const start = Date.now();
      while (!(await condition())) {
        if (Date.now() - start > GIVE_UP_MS) throw new Error(`gave up waiting for ${what}`);
        await sleep(POLL_MS);
      }
    };

    const run = Date.now()
      .toString(36)
      .toUpperCase()
      .replace(/[IOSVZ]/g, '0')
      .slice(-4)
      .padStart(4, '0');
    const decisionDate = addMonths(chinaDateOf(new Date()), -4);
    const subjects = [];
    for (let n = 1; n <= REPAIRS; n++) {
      const { uscc, body } = penalty(n, run, decisionDate);
      const { id } = await post('/api/v1/credit-records', body, 201);
      subjects.push({ uscc, recordId: id, documentNumber: body.documentNumber });
    }
    // Each public and its profile read once (the cached profile must be invalidated by the repair).
    for (const s of subjects) await until(`${s.uscc} published`, () => shown(s.uscc, s.documentNumber));

    const latencies = [];
    for (const s of subjects) {
      const application = await (async () => {
        const start = Date.now();
        for (;;) {
          const response = await fetch(`${gateway}/api/v1/repair-applications`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ target: s.recordId, commitment: '本单位已纠正违法行为，承诺今后依法诚信经营' }),
          });
          if (response.status === 201) return response.json();
          if (response.status !== 404 || Date.now() - start > GIVE_UP_MS) throw new Error(`apply ${s.recordId}: ${response.status} ${await response.text()}`);
          await sleep(POLL_MS);
        }
      })();
      await post(`/api/v1/repair-applications/${application.id}/decision`, { outcome: 'approved', reason: '同意信用修复' }, 200);
      const approvedAt = performance.now();
      await until(`${s.uscc} withdrawn`, async () => !(await shown(s.uscc, s.documentNumber)));
      latencies.push(performance.now() - approvedAt);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const ms = (v) => `${Math.round(v)} ms`;
    console.log(`| repairs | p50 | p95 | max | (poll every ${POLL_MS} ms; ${cpus().length} CPUs) |`);
    console.log('| --- | --- | --- | --- | --- |');
    console.log(
      `| ${REPAIRS} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(sorted.at(-1))} | approval answered → penalty gone from GET /public/v1/subjects/{uscc} |`,
    );
  } finally {
    await platform.stop();
  }
}

await main();
