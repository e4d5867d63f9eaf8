// Benchmark of the decision API (issue 5): in-service (gRPC straight to joint-measures) and through
// the gateway (REST), each at a fixed rate, against a baseline of the same lookups done by bare
// queries in the same run. Self-contained: starts gateway and joint-measures from dist/ on free
// loopback ports against a fresh database and a private NATS prefix, seeds subjects, measures,
// prints Markdown rows for docs/perf.md, and cleans up. Does not need `npm start`.
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/decision-bench.mjs [rate=200] [seconds=20]
// The decision read cache (ADR 0025) is on as in production; DECISION_CACHE_TTL_MS=0 in the
// environment runs the same benchmark with it off (every decision reads the database), to compare.
// The warm-up pass asks every subject at least once when RATE × SECONDS ≥ SUBJECTS, so the
// measured pass is served from the cache except where a subject was invalidated. Every scenario is
// paced the same way (open model: request i is sent at i/RATE s, late ones are not skipped).
import { credentials, loadPackageDefinition, Metadata } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startPrivatePlatform } from './lib/private-platform.mjs';
import { cpuMeter, perRequest } from './lib/cpu.mjs';
import { atRate } from './lib/pacer.mjs';
import { observedDuring, quantile, shareWithin } from './lib/metrics.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const { usccCheckCharacter } = require(join(ROOT, 'dist/libs/domain/identifiers/src'));
const { PrincipalSigner } = require(join(ROOT, 'dist/libs/platform/auth/src'));

const RATE = Number(process.argv[2] ?? 200);
const SECONDS = Number(process.argv[3] ?? 20);
const SUBJECTS = 2000;
const CACHE_TTL_MS = process.env.DECISION_CACHE_TTL_MS ?? '60000';
const uscc = (n) => {
  const first17 = `91410100BN${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
};

let cpu;
const cpuNotes = [];
const paced = (fn) => atRate(RATE, SECONDS, fn);

/** A paced run with the CPU each component spent per call, noted for the report. */
async function measured(label, fn) {
  const before = cpu.snapshot();
  const result = await paced(fn);
  cpuNotes.push(`${label}: ${perRequest(cpu.since(before), result.total, 0.05)} of CPU per request`);
  return result;
}

async function main() {
  const secret = randomBytes(18).toString('base64url');
  const platform = await startPrivatePlatform({
    label: 'bench',
    apps: ['gateway', 'joint-measures'],
    clients: [{ clientId: 'bench', clientSecret: secret, name: 'bench', kind: 'integrator', region: '410000', scopes: ['measures:decide'] }],
    env: { NODE_ENV: 'production', GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000', DECISION_CACHE_TTL_MS: CACHE_TTL_MS },
    onLine: (name, line) => process.env.BENCH_LOGS && console.error(`${name}: ${line}`),
  });
  const { adminUrl, ports } = platform;
  cpu = cpuMeter(ROOT, adminUrl);
  try {
    // Subjects: every 10th on the key-watch list (in force), each with 3 standing penalties.
    const db = new pg.Client({ connectionString: adminUrl });
    await db.connect();
    await db.query(
      `INSERT INTO joint_measures.subject_records (record_id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date, payload)
      SELECT gen_random_uuid(), 'administrative-penalty', 'org', s.id, 'bench', '410100', 'general', current_date - (k * 30), '{"violationType":"x"}'
        FROM unnest($1::text[]) AS s(id), generate_series(1, 3) AS k`,
      [Array.from({ length: SUBJECTS }, (_, i) => uscc(i))],
    );
    await db.query(
      `INSERT INTO joint_measures.list_entries (id, list_type, subject_kind, subject_id, subject_name, region, status, origin, basis, grounds, proposed_on, notice_ends_on, decision, starts_on, ends_on, version)
      SELECT gen_random_uuid(), 'key-watch', 'org', s.id, 'bench', '410100', 'effective', 'manual', '[{"kind":"record","recordId":"00000000-0000-4000-8000-000000000000","recordType":"administrative-penalty","decisionDate":"2026-01-01"}]',
             'bench', current_date - 30, current_date - 20, '{"outcome":"confirmed"}', current_date - 10, current_date + 300, 2
        FROM unnest($1::text[]) AS s(id)`,
      [Array.from({ length: SUBJECTS / 10 }, (_, i) => uscc(i * 10))],
    );
    await db.query(`ANALYZE joint_measures.subject_records; ANALYZE joint_measures.list_entries`);
    await db.end();

    // Baseline: the same three lookups by bare queries, as the service's role, on a pool of the same size.
    const bare = new pg.Pool({ connectionString: Object.assign(new URL(adminUrl), { username: 'joint_measures' }).toString(), max: 10 });
    const lookups = (subjectId) =>
      Promise.all([
        bare.query(`SELECT * FROM joint_measures.list_entries WHERE subject_id = $1`, [subjectId]),
        bare.query(`SELECT * FROM joint_measures.subject_records WHERE subject_id = $1`, [subjectId]),
        bare.query(`SELECT DISTINCT ON (scheme_id) * FROM joint_measures.subject_grades WHERE subject_id = $1 ORDER BY scheme_id, cycle DESC`, [subjectId]),
      ]);
    await paced((i) => lookups(uscc(i % SUBJECTS))); // warm-up
    const baseline = await measured('baseline', (i) => lookups(uscc(i % SUBJECTS)));

    // In service: gRPC straight to joint-measures with the principal the gateway would pass, signed
    // per call with the platform's internal identity key as the gateway signs it (ADR 0073).
    const definition = loadSync(join(ROOT, 'proto/measures/v1/measures.proto'), {
      keepCase: false,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true,
    });
    const Decisions = loadPackageDefinition(definition).measures.v1.DecisionService;
    const client = new Decisions(`127.0.0.1:${ports['joint-measures'].grpc}`, credentials.createInsecure());
    const signer = new PrincipalSigner(platform.internalIdentity.privateKeyPem);
    const principal = { clientId: 'bench', kind: 'integrator', scopes: ['measures:decide'], region: '410000' };
    const decide = (i) =>
      new Promise((resolve, reject) => {
        const md = new Metadata();
        md.set('x-principal', signer.sign(principal, 'joint-measures'));
        client.decide(
          { subjectId: uscc(i % SUBJECTS), scene: 'permit.application', sector: '', region: '410100' },
          md,
          { deadline: Date.now() + 5000 },
          (e, r) => (e ? reject(e) : resolve(r)),
        );
      });
    await paced(decide); // warm-up
    const { result: inService, histogram: handled } = await observedDuring(
      `http://127.0.0.1:${ports['joint-measures'].http}/metrics`,
      'grpc_server_handling_seconds',
      { method: 'DecisionsGrpcController.decide' },
      () => measured('in service', decide),
    );
    const inServiceHandled = serviceSide(handled, 10);
    client.close();

    // Through the gateway: the same open-model pacing, over keep-alive HTTP connections. (autocannon's
    // `overallRate` was used before: it lets each connection send its per-second quota back to back
    // at the start of every second, so it measured bursts of 20 concurrent requests, not 200 req/s.)
    const gatewayUrl = `http://127.0.0.1:${ports.gateway.http}`;
    const token = await fetch(`${gatewayUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'bench', client_secret: secret }),
    })
      .then((r) => r.json())
      .then((j) => j.access_token);
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const viaRest = (i) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ subjectId: uscc(i % SUBJECTS), scene: 'permit.application', region: '410100' });
        const req = request(
          `${gatewayUrl}/api/v1/measures/decisions`,
          {
            method: 'POST',
            agent,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    await paced(viaRest); // warm-up
    const { result: viaGateway, histogram: answered } = await observedDuring(
      `http://127.0.0.1:${ports.gateway.http}/metrics`,
      'http_server_request_duration_seconds',
      { route: '/api/v1/measures/decisions', status: '200' },
      () => measured('through the gateway', viaRest),
    );
    const gatewayHandled = serviceSide(answered, 30);
    agent.destroy();
    const denied = await new pg.Client({ connectionString: adminUrl });
    await denied.connect();
    const [{ count }] = (await denied.query(`SELECT count(*) FROM joint_measures.decisions WHERE outcome = 'deny'`)).rows;
    await denied.end();
    await bare.end();

    const machine = `${cpus().length}× ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const row = (name, r) => `| ${name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors}/${r.total} |`;
    const serviceRow = (name, r) => `| ${name} | | ${r.p50} | ${r.p95} | ${r.p99} | ${r.within} within ${r.objectiveMs} ms |`;
    const cache = CACHE_TTL_MS === '0' ? 'decision cache off' : `decision cache on (TTL backstop ${CACHE_TTL_MS} ms)`;
    console.log(`\nMachine: ${machine}; ${SUBJECTS} subjects (10 % on the key-watch list), ${RATE} req/s for ${SECONDS} s each; ${cache}\n`);
    console.log('| scenario | req/s | p50 ms | p95 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- | --- |');
    console.log(row('baseline: the three lookups by bare queries (pg pool of 10)', baseline));
    console.log(row('decision in service (gRPC to joint-measures, logs each decision)', inService));
    console.log(row('decision through the gateway (REST, keep-alive, open model)', viaGateway));
    console.log(serviceRow("joint-measures' own histogram for the in-service run (grpc_server_handling_seconds)", inServiceHandled));
    console.log(serviceRow("the gateway's own histogram for the gateway run (http_server_request_duration_seconds)", gatewayHandled));
    console.log(`\n${cpuNotes.join('\n')}`);
    const verdict = (ok) => (ok ? 'met' : 'NOT met');
    console.log(
      `\nin-service p99 ${inService.p99} ms vs 10 ms (client-observed, direct gRPC): ${verdict(inService.p99 < 10)}; ` +
        `as joint-measures measures it: ${inServiceHandled.p99} ms, ${verdict(inServiceHandled.p99 < 10)}; ` +
        `gateway p95 ${viaGateway.p95} ms vs 30 ms: ${verdict(viaGateway.p95 < 30)}; denied decisions logged: ${count}`,
    );
  } finally {
    await platform.stop();
  }
}

/** p50/p95/p99 read from a service's histogram (ms, bucket-interpolated) and the share within the objective. */
function serviceSide(histogram, objectiveMs) {
  const ms = (q) => Math.round(quantile(histogram, q) * 100) / 100;
  return { p50: ms(0.5), p95: ms(0.95), p99: ms(0.99), objectiveMs, within: `${(shareWithin(histogram, objectiveMs) * 100).toFixed(2)} %` };
}

await main();
