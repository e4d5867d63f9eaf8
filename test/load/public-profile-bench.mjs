// Benchmark of the public profile (issue 6: through the gateway ≥ 2,000 req/s with p99 < 50 ms,
// reported as a ratio against a bare HTTP server doing the same single indexed PostgreSQL query,
// measured in the same run). Self-contained: starts gateway and disclosure from dist/ on free
// loopback ports against a fresh database and a private NATS prefix, seeds public subjects with
// penalties, licences, a grade and (every 10th) a list membership, starts the bare baseline
// server as its own process, drives both with autocannon over the same USCCs, prints Markdown
// rows for docs/perf.md, and cleans up. Does not need `npm start`.
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/public-profile-bench.mjs [seconds=20] [connections=50]
//   RATE=2000 bash scripts/with-node.sh node test/load/public-profile-bench.mjs   # open model: 2,000 req/s offered
import autocannon from 'autocannon';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { freePort, startPrivatePlatform } from './lib/private-platform.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const SUBJECTS = 1000;
const PROFILE_PATH = /^\/public\/v1\/subjects\/([0-9A-Z]{18})$/;
// The baseline's one query: the subject and its visible items, by primary key and the
// (uscc, published_until) index — what a profile read needs at the least.
const BASELINE_QUERY = `SELECT s.uscc, s.name, s.region, r.record_type, r.document_number, to_char(r.decision_date, 'YYYY-MM-DD') AS decision_date,
         r.severity, r.summary, r.published_from, r.published_until, r.publication_id
    FROM disclosure.public_subjects s
    LEFT JOIN disclosure.public_records r ON r.uscc = s.uscc AND r.withdrawn_at IS NULL AND r.published_from <= now() AND r.published_until > now()
   WHERE s.uscc = $1`;

/** `--baseline <port> <databaseUrl>`: the bare Node HTTP server, run as its own process. */
async function baselineServer(port, databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = createHttpServer(async (req, res) => {
    const match = PROFILE_PATH.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    try {
      const { rows } = await pool.query(BASELINE_QUERY, [match[1]]);
      if (rows.length === 0) {
        res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"code":"PUBLIC.SUBJECT_NOT_FOUND"}');
        return;
      }
      const body = JSON.stringify({ uscc: rows[0].uscc, name: rows[0].name, region: rows[0].region, items: rows.filter((r) => r.record_type) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  server.listen(port, '127.0.0.1', () => process.send?.('ready'));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}

const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const RATE = Number(process.env.RATE ?? 0);

/**
 * autocannon, closed loop: `connections` clients each asking for the next USCC when answered.
 * Also CPU milliseconds per request of the serving processes (`pids`) during the timed run.
 */
async function measure(url, usccs, seconds, connections, pids) {
  let n = 0;
  const options = {
    url,
    connections,
    // RATE: open model, this many requests per second offered whatever the answers' pace.
    ...(RATE ? { overallRate: RATE } : {}),
    requests: [{ setupRequest: (req) => ({ ...req, path: `/public/v1/subjects/${usccs[n++ % usccs.length]}` }) }],
  };
  // Warm-up: one full pass over the USCCs (the baseline's PostgreSQL buffers, the gateway's cache),
  // then a few seconds more. Both servers then answer the same repeated lookups.
  await autocannon({ ...options, amount: usccs.length });
  await autocannon({ ...options, duration: Math.min(5, seconds) });
  const cpuBefore = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const r = await autocannon({ ...options, duration: seconds });
  const cpuMs = ((pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore) * 1000) / Math.max(1, r.requests.total);
  const p95 = Math.round((r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * 5) / 7.5) * 10) / 10;
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p95,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    total: r.requests.total,
    cpuMs: Math.round(cpuMs * 1000) / 1000,
  };
}

async function main() {
  const SECONDS = Number(process.argv[2] ?? 20);
  const CONNECTIONS = Number(process.argv[3] ?? 50);
  const { usccCheckCharacter } = require(join(ROOT, 'dist/libs/domain/identifiers/src'));
  const uscc = (i) => {
    const first17 = `91410100PB${String(i).padStart(7, '0')}`;
    return first17 + usccCheckCharacter(first17);
  };

  const platform = await startPrivatePlatform({
    label: 'bench',
    apps: ['gateway', 'disclosure'],
    // One address sends everything here: the per-address public limit must be out of the way.
    env: { NODE_ENV: 'production', GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000', PUBLIC_BASE_URL: 'https://credit.example.cn' },
    onLine: (name, line) => process.env.BENCH_LOGS && console.error(`${name}: ${line}`),
  });
  const { adminUrl, ports, children } = platform;
  let baseline;
  try {
    const usccs = Array.from({ length: SUBJECTS }, (_, i) => uscc(i));
    const db = new pg.Client({ connectionString: adminUrl });
    await db.connect();
    await db.query(
      `INSERT INTO disclosure.public_subjects (uscc, name, region, updated_at) SELECT u, '郑州基准运输有限公司' || i, '410100', now() FROM unnest($1::text[]) WITH ORDINALITY AS t(u, i)`,
      [usccs],
    );
    // Per subject: two penalties and a licence inside their publicity period.
    await db.query(
      `INSERT INTO disclosure.public_records (record_id, uscc, record_type, document_number, decision_date, severity, summary, published_from, published_until)
       SELECT gen_random_uuid(), u, CASE WHEN k = 3 THEN 'administrative-licence' ELSE 'administrative-penalty' END, '郑交罚〔2026〕' || k || '号',
              current_date - k * 20, 'general', '超限运输', now() - interval '1 day' * k * 20, now() + interval '300 days'
         FROM unnest($1::text[]) AS u, generate_series(1, 3) AS k`,
      [usccs],
    );
    await db.query(
      `INSERT INTO disclosure.public_grades (uscc, scheme_id, scheme_version, grade, score, cycle_label, evaluated_at, scheme_name, scheme_name_en)
       SELECT u, 'henan-passenger-hazardous-codes', 1, 'green', 970, '2026-Q4', now(), '河南省“两客一危”经营者安全生产信用“红黄绿”码', 'Henan codes' FROM unnest($1::text[]) AS u`,
      [usccs],
    );
    await db.query(
      `INSERT INTO disclosure.public_list_entries (entry_id, list_type, subject_kind, subject_id, subject_name, region, grounds, document_number, starts_on, ends_on, version)
       SELECT gen_random_uuid(), 'key-watch', 'org', u, 'bench', '410100', 'bench', '郑交信〔2026〕1号', current_date - 10, current_date + 300, 2
         FROM unnest($1::text[]) AS u`,
      [usccs.filter((_, i) => i % 10 === 0)],
    );
    await db.query(
      `ANALYZE disclosure.public_subjects; ANALYZE disclosure.public_records; ANALYZE disclosure.public_grades; ANALYZE disclosure.public_list_entries`,
    );
    await db.end();

    // The bare baseline: its own process (as the gateway is), same database role as disclosure, pool of 10.
    const baselinePort = await freePort();
    const baselineUrl = Object.assign(new URL(adminUrl), { username: 'disclosure' }).toString();
    baseline = spawn(process.execPath, [import.meta.filename, '--baseline', String(baselinePort), baselineUrl], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise((resolve, reject) => {
      baseline.once('message', resolve);
      baseline.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
    });
    const check = await fetch(`http://127.0.0.1:${baselinePort}/public/v1/subjects/${usccs[0]}`).then((r) => r.json());
    const viaGatewayCheck = await fetch(`http://127.0.0.1:${ports.gateway.http}/public/v1/subjects/${usccs[0]}`).then((r) => r.json());
    if (check.items.length !== 3 || viaGatewayCheck.penalties?.length !== 2 || viaGatewayCheck.lists?.length !== 1)
      throw new Error(`seed not visible: ${JSON.stringify({ check, viaGatewayCheck })}`);

    const bare = await measure(`http://127.0.0.1:${baselinePort}`, usccs, SECONDS, CONNECTIONS, [baseline.pid]);
    const gateway = await measure(`http://127.0.0.1:${ports.gateway.http}`, usccs, SECONDS, CONNECTIONS, [children.gateway.pid, children.disclosure.pid]);

    const machine = `${cpus().length}× ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const row = (name, r) => `| ${name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors}/${r.total} | ${r.cpuMs} |`;
    console.log(
      `\nMachine: ${machine}; ${SUBJECTS} subjects (3 items, a grade; 10 % on a list), ${CONNECTIONS} connections, ${RATE ? `open model at ${RATE} req/s offered` : 'closed loop'}, ${SECONDS} s each after a warm-up pass over every USCC\n`,
    );
    console.log('| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req (server processes) |\n| --- | --- | --- | --- | --- | --- | --- |');
    console.log(row('baseline: bare Node HTTP server, one indexed query (pg pool of 10)', bare));
    console.log(row('GET /public/v1/subjects/{uscc} through the gateway (cache, ADR 0030; CPU: gateway + disclosure)', gateway));
    const met = gateway.rps >= 2000 && gateway.p99 < 50;
    console.log(
      `\ngateway / baseline: ${(gateway.rps / bare.rps).toFixed(2)}× req/s, ${(gateway.cpuMs / bare.cpuMs).toFixed(2)}× CPU per request, p99 ${gateway.p99} vs ${bare.p99} ms; target ≥ 2,000 req/s with p99 < 50 ms: ${met ? 'met' : 'NOT met'}`,
    );
  } finally {
    if (baseline && baseline.exitCode === null) {
      baseline.kill('SIGTERM');
      await new Promise((resolve) => baseline.once('exit', resolve));
    }
    await platform.stop();
  }
}

if (process.argv[2] === '--baseline') await baselineServer(Number(process.argv[3]), process.argv[4]);
else await main();
