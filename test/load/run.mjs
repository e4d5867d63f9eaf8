// Node runner for test/load/scenarios (autocannon): measures a scenario and its baseline in the
// same run against a running platform (`npm start` in another terminal), and prints a Markdown
// row for docs/perf.md. Bounded in time and connections; loopback only.
//   bash scripts/with-node.sh node test/load/run.mjs gateway-submit-record
//   bash scripts/with-node.sh node test/load/run.mjs gateway-submit-record --private
//     self-contained: gateway and collection alone (from dist/, free ports, own database and NATS
//     prefix), without the projections that share the two cores in `npm start`.
//   SERVICE_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" … --private  profiles the services.
import autocannon from 'autocannon';
import { Agent, request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { startCollectionPath } from './lib/private-platform.mjs';
import { cpuMeter, perRequest } from './lib/cpu.mjs';
import { atRate } from './lib/pacer.mjs';
import { bodyFactory } from './lib/record-bodies.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const PRIVATE = process.argv.includes('--private');
const { platform, secret: PRIVATE_SECRET } = PRIVATE ? await startCollectionPath('run', 'demo-zhengzhou') : {};
const BASE_URL = platform ? `http://127.0.0.1:${platform.ports.gateway.http}` : (process.env.BASE_URL ?? 'http://127.0.0.1:8080');
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(BASE_URL)) throw new Error('load tests target loopback only');

const load = (name) => JSON.parse(readFileSync(join(import.meta.dirname, 'scenarios', `${name}.json`), 'utf8'));

async function token(clientId) {
  const { clients } = platform
    ? { clients: [{ clientId, clientSecret: PRIVATE_SECRET }] }
    : JSON.parse(readFileSync(join(ROOT, '.data/demo-clients.json'), 'utf8'));
  const client = clients.find((c) => c.clientId === clientId);
  const response = await fetch(`${BASE_URL}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: client.clientSecret }),
  });
  return (await response.json()).access_token;
}

/** Open model (lib/pacer.mjs) over at most `connections` keep-alive sockets; a 4xx/5xx counts as an error. */
async function paced(scenario, headers, nextBody, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: scenario.load.connections });
  const statuses = {};
  const send = () =>
    new Promise((resolve, reject) => {
      const body = nextBody();
      const req = httpRequest(
        `${BASE_URL}${scenario.request.path}`,
        { method: scenario.request.method, agent, headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            if (res.statusCode >= 400) reject(new Error(`HTTP ${res.statusCode}`));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const result = await atRate(scenario.load.ratePerSecond, seconds, send);
  agent.destroy();
  if (result.errors > 0) console.error(`${scenario.name}: responses by status ${JSON.stringify(statuses)}`);
  return result;
}

/** Runs `work` and prints the CPU each component spent per request meanwhile. */
async function withCpu(scenario, work) {
  const cpu = cpuMeter(ROOT, platform?.adminUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/transport_credit');
  const before = cpu.snapshot();
  const result = await work();
  const total = result.total ?? result.requests.total;
  console.log(`${scenario.name}: CPU per request (${total} requests): ${perRequest(cpu.since(before), total)}`);
  return result;
}

async function measure(scenario) {
  const headers = { 'content-type': 'application/json' };
  if (scenario.request.client) headers.authorization = `Bearer ${await token(scenario.request.client)}`;
  const nextBody = bodyFactory(scenario.request.bodyTemplate);
  if (scenario.load.ratePerSecond) {
    if (scenario.load.warmupSeconds) await paced(scenario, headers, nextBody, scenario.load.warmupSeconds);
    return { name: scenario.name, ...(await withCpu(scenario, () => paced(scenario, headers, nextBody, scenario.load.durationSeconds))) };
  }
  const options = {
    url: `${BASE_URL}${scenario.request.path}`,
    method: scenario.request.method,
    headers,
    connections: scenario.load.connections,
    // Closed loop (paced scenarios are sent by `paced` above).
    requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
  };
  if (scenario.load.warmupSeconds) await autocannon({ ...options, duration: scenario.load.warmupSeconds });
  const statuses = {};
  const instance = autocannon({ ...options, duration: scenario.load.durationSeconds });
  instance.on('response', (_client, statusCode) => (statuses[statusCode] = (statuses[statusCode] ?? 0) + 1));
  const result = await withCpu(scenario, () => instance);
  const errors = result.errors + result.timeouts + result.non2xx;
  if (result.non2xx > 0) console.error(`${scenario.name}: responses by status ${JSON.stringify(statuses)}`);
  return {
    name: scenario.name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: result.latency.p97_5 === undefined ? undefined : percentile(result, 95),
    p99: result.latency.p99,
    errors,
    total: result.requests.total,
  };
}

// autocannon reports p90 and p97.5, not p95: interpolate between them (documented in perf.md).
function percentile(result, p) {
  if (p !== 95) throw new Error('only p95 is interpolated');
  const { p90, p97_5 } = result.latency;
  return Math.round((p90 + ((p97_5 - p90) * (95 - 90)) / (97.5 - 90)) * 10) / 10;
}

const scenario = load(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'gateway-submit-record');
const baseline = scenario.baseline ? await measure(load(scenario.baseline)) : undefined;
const measured = await measure(scenario);
const machine = `${cpus().length}× ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const row = (r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors}/${r.total} |`;
console.log(
  `\nMachine: ${machine}; ${platform ? 'private platform: gateway and collection only' : 'against the running platform'}\n\n| scenario | req/s | p50 ms | p95 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- | --- |`,
);
if (baseline) console.log(row(baseline));
console.log(row(measured));
const limit = scenario.thresholds.p95Ms;
if (limit !== undefined)
  console.log(
    `\np95 ${measured.p95} ms vs threshold ${limit} ms: ${measured.p95 <= limit ? 'met' : 'NOT met'}${baseline ? `; throughput ${(measured.rps / baseline.rps).toFixed(3)}× the baseline` : ''}`,
  );
process.exitCode = measured.errors > 0 && scenario.thresholds.errorRate === 0 ? 1 : 0;
await platform?.stop();
