// Benchmark of single record submission through the gateway (issue 3: "p95 under 50 ms with 50
// concurrent clients"), both faces integrators use — REST (`POST /api/v1/credit-records`) and the
// gateway's gRPC face (`gateway.v1.CreditRecordsGatewayService/SubmitRecord`) — each in the closed
// model (50 clients, each sending its next record when the last is answered) and, for comparison,
// the open model at a fixed rate. Baseline in the same run: the gateway's liveness probe, closed
// loop, i.e. its HTTP stack with nothing behind it. REST's closed model is driven by autocannon,
// the gRPC face's by grpc-js clients, the open model by the shared pacer over http.request.
// Self-contained like decision-bench: starts gateway and collection from dist/ against a fresh
// database and NATS prefix, prints Markdown rows for docs/perf.md with each component's CPU per
// record, and cleans up.
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/record-submit-bench.mjs [clients=50] [seconds=20] [rates=100,300] [only]
// `only` runs just the scenarios whose label contains one of its '|'-separated parts (e.g.
// "REST, closed" to profile that one with SERVICE_NODE_OPTIONS=--cpu-prof).
// The open-model rates (records/s in all, spread over the clients' connections) show how much load
// the same clients can bring while p95 stays under the objective.
import { credentials, loadPackageDefinition, Metadata } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { startPrivatePlatform } from './lib/private-platform.mjs';
import { buildRequest, runTag, valuesFor } from './lib/scenario-template.mjs';
import { cpuMeter, perRequest } from './lib/cpu.mjs';
import { atRate, closedLoop, closedLoopHttp } from './lib/pacer.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

const CLIENTS = Number(process.argv[2] ?? 50);
const SECONDS = Number(process.argv[3] ?? 20);
const RATES = (process.argv[4] ?? '100,300').split(',').map(Number);
const ONLY = process.argv[5]?.split('|');
const WARMUP_SECONDS = 3;

/** A new penalty every call (no duplicates, no replays), from the record-single scenario's template (scenarios.json). */
const RECORD = JSON.parse(readFileSync(join(import.meta.dirname, 'scenarios.json'), 'utf8')).scenarios.find((s) => s.name === 'record-single').request;
const values = valuesFor({ run: runTag() });
let serial = 0;
const nextPenalty = () => buildRequest(RECORD, values(++serial)).body;

async function main() {
  const secret = randomBytes(18).toString('base64url');
  const platform = await startPrivatePlatform({
    label: 'records',
    apps: ['gateway', 'collection'],
    clients: [{ clientId: 'bench', clientSecret: secret, name: 'bench', kind: 'integrator', region: '410100', scopes: ['records:write', 'records:read'] }],
    env: { NODE_ENV: 'production', GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000' },
    onLine: (name, line) => process.env.BENCH_LOGS && console.error(`${name}: ${line}`),
  });
  const { adminUrl, ports } = platform;
  const cpu = cpuMeter(ROOT, adminUrl);
  const rows = [];
  const cpuNotes = [];
  /** Warm-up, then the measured pass, with each component's CPU per call. */
  const measure = async (label, model, fn) => {
    if (ONLY && !ONLY.some((word) => label.includes(word))) return;
    await model(WARMUP_SECONDS, fn);
    const before = cpu.snapshot();
    const result = await model(SECONDS, fn);
    cpuNotes.push(`${label}: ${perRequest(cpu.since(before), result.total, 0.05)}`);
    rows.push({ label, ...result });
  };
  const closed = (seconds, fn) => closedLoop(CLIENTS, seconds, fn);
  const open = (rate) => (seconds, fn) => atRate(rate, seconds, fn);
  try {
    const gatewayUrl = `http://127.0.0.1:${ports.gateway.http}`;
    const token = await fetch(`${gatewayUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'bench', client_secret: secret }),
    })
      .then((r) => r.json())
      .then((j) => j.access_token);
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const call = (method, path, body, expected) =>
      new Promise((resolve, reject) => {
        const headers = {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        };
        const req = request(`${gatewayUrl}${path}`, { method, agent, headers }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === expected ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end(body);
      });
    const viaRest = () => call('POST', '/api/v1/credit-records', nextPenalty(), 201);

    const definition = loadSync(join(ROOT, 'proto/gateway/v1/gateway.proto'), { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true });
    const Gateway = loadPackageDefinition(definition).gateway.v1.CreditRecordsGatewayService;
    // One channel (one HTTP/2 connection) per client, as 50 integrators would have: grpc-js shares
    // connections between channels to the same address unless told to keep its own pool.
    const grpcClients = Array.from(
      { length: CLIENTS },
      () => new Gateway(`127.0.0.1:${ports.gateway.grpc}`, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }),
    );
    const viaGrpc = (i) =>
      new Promise((resolve, reject) => {
        const md = new Metadata();
        md.set('authorization', `Bearer ${token}`);
        const { payload, ...record } = JSON.parse(nextPenalty());
        grpcClients[i % CLIENTS].submitRecord({ ...record, payloadJson: JSON.stringify(payload) }, md, { deadline: Date.now() + 10_000 }, (e, r) =>
          e ? reject(e) : r.status === 'active' ? resolve() : reject(new Error(r.status)),
        );
      });

    // REST in the closed model through autocannon: about half the load generator's CPU of
    // http.request (0.07 vs 0.13 ms a call on the same run), CPU the platform then has.
    const restClosed = (method, path, body, expected) => (seconds) =>
      closedLoopHttp({ clients: CLIENTS, seconds, url: `${gatewayUrl}${path}`, method, headers: { authorization: `Bearer ${token}` }, body, expected });
    await measure('baseline: gateway liveness (HTTP stack only), closed', restClosed('GET', '/health/live', undefined, 200));
    await measure('REST, closed model', restClosed('POST', '/api/v1/credit-records', nextPenalty, 201));
    await measure('gRPC face, closed model', closed, viaGrpc);
    for (const rate of RATES) {
      await measure(`REST, open model (${rate} records/s)`, open(rate), viaRest);
      await measure(`gRPC face, open model (${rate} records/s)`, open(rate), viaGrpc);
    }
    agent.destroy();
    for (const client of grpcClients) client.close();

    const machine = `${cpus().length}× ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    console.log(`\nMachine: ${machine}; ${CLIENTS} clients, ${SECONDS} s per scenario after ${WARMUP_SECONDS} s of warm-up; gateway and collection only\n`);
    console.log('| scenario | records/s | p50 ms | p95 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) console.log(`| ${r.label} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors}/${r.total} |`);
    console.log(`\nCPU per call:\n${cpuNotes.join('\n')}`);
    const closedRows = rows.filter((r) => r.label.includes('closed model'));
    console.log(`\n${closedRows.map((r) => `${r.label}: p95 ${r.p95} ms vs 50 ms, ${r.p95 < 50 && r.errors === 0 ? 'met' : 'NOT met'}`).join('; ')}`);
  } finally {
    await platform.stop();
  }
}

await main();
