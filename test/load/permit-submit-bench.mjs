// Oversize-transport permit application through the gateway (issue 18 "Speed": p95 under 100 ms at
// 50 requests/s, joint-measures call included). Open model: a call every 1/rate s whatever the
// answers (the shared pacer). Self-contained: starts gateway, collection, joint-measures and permits
// from dist/ on free loopback ports against a fresh database and a private NATS prefix, registers
// the carriers through the gateway's registry route (collection announces them to permits), waits
// until permits knows them, then measures in the same run:
//   - baseline 1: GET /health/ready of the gateway (its HTTP stack, nothing behind it);
//   - baseline 2: the same POST with a body the gateway refuses by type (400, no service call);
//   - POST /api/v1/permit-applications, each call a distinct valid application (carrier and plates
//     vary, fresh Idempotency-Key): permits classifies it and asks joint measures for the path.
// Prints Markdown rows for docs/perf.md with each component's CPU per call (from /proc).
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/permit-submit-bench.mjs [rate=50] [seconds=30] [carriers=100]
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Agent, request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { startPrivatePlatform } from './lib/private-platform.mjs';
import { cpuMeter, perRequest } from './lib/cpu.mjs';
import { atRate } from './lib/pacer.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const { usccCheckCharacter } = require(join(ROOT, 'dist/libs/domain/identifiers/src'));

const RATE = Number(process.argv[2] ?? 50);
const SECONDS = Number(process.argv[3] ?? 30);
const CARRIERS = Number(process.argv[4] ?? 100);
const BASELINE_SECONDS = Math.min(SECONDS, 15);
const WARMUP_SECONDS = 3;
const GIVE_UP_MS = 60_000;
const P95_TARGET_MS = 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** YYYY-MM-DD in China, `days` from now. */
const chinaDate = (days) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

function carrierUscc(n, run) {
  const first17 = `91410100${run}${String(n).padStart(5, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

/** Zhengzhou → Wuhan through Henan and Hubei, 4.4 m × 3.5 m × 22 m, 51 t on 6 axles (class II, cross-province), as in permits.e2e-spec. */
function application(carrier, n) {
  const serial = n.toString(36).toUpperCase().padStart(5, '0').slice(-5);
  return {
    carrierUscc: carrier,
    vehicle: {
      tractorPlate: `豫A${serial}`,
      trailerPlate: `豫B${serial.slice(-4)}挂`,
      axleCount: 6,
      configuration: 'combination',
      driveAxle: 'tandem',
      trailerType: 'flatbed',
      axleLoadsKg: [6000, 9000, 9000, 9000, 9000, 9000],
    },
    cargo: { description: '变压器', divisible: false },
    dimensions: { heightM: 4.4, widthM: 3.5, lengthM: 22, grossMassKg: 51000 },
    route: {
      origin: '郑州市',
      destination: '武汉市',
      segments: [
        {
          province: '410000',
          geometry: {
            type: 'LineString',
            coordinates: [
              [113.62, 34.75],
              [114.07, 32.12],
            ],
          },
        },
        {
          province: '420000',
          geometry: {
            type: 'LineString',
            coordinates: [
              [114.07, 32.12],
              [114.3, 30.59],
            ],
          },
        },
      ],
    },
    window: { from: chinaDate(3), to: chinaDate(5) },
    speedKmh: 60,
    trips: 'single',
    commitment: true,
  };
}

async function main() {
  const secret = randomBytes(18).toString('base64url');
  const platform = await startPrivatePlatform({
    label: 'permits',
    apps: ['gateway', 'collection', 'joint-measures', 'permits'],
    clients: [
      {
        clientId: 'bench',
        clientSecret: secret,
        name: '郑州市超限运输许可窗口',
        kind: 'integrator',
        region: '410100',
        scopes: ['permits:write', 'measures:decide', 'records:write', 'records:read'],
      },
    ],
    env: { NODE_ENV: 'production', GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000' },
    onLine: (name, line) => process.env.BENCH_LOGS && console.error(`${name}: ${line}`),
  });
  const cpu = cpuMeter(ROOT, platform.adminUrl);
  try {
    const gateway = `http://127.0.0.1:${platform.ports.gateway.http}`;
    const token = await fetch(`${gateway}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'bench', client_secret: secret }),
    })
      .then((r) => r.json())
      .then((j) => j.access_token);
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    /** One HTTP call → { status, json }. */
    const call = (method, path, body, extraHeaders = {}) =>
      new Promise((resolve, reject) => {
        const text = body === undefined ? undefined : JSON.stringify(body);
        const headers = {
          authorization: `Bearer ${token}`,
          ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}),
          ...extraHeaders,
        };
        const req = request(`${gateway}${path}`, { method, agent, headers }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            let json;
            try {
              json = JSON.parse(raw);
            } catch {
              json = raw;
            }
            resolve({ status: res.statusCode, json });
          });
        });
        req.on('error', reject);
        req.end(text);
      });

    const run = Date.now()
      .toString(36)
      .toUpperCase()
      .replace(/[IOSVZ]/g, '0')
      .slice(-4)
      .padStart(4, '0');
    const carriers = Array.from({ length: CARRIERS }, (_, i) => carrierUscc(i + 1, run));
    for (const uscc of carriers) {
      const r = await call('PUT', `/api/v1/registry/enterprises/${uscc}`, {
        name: '郑州大件测速运输有限公司',
        region: '410100',
        declaredSectors: ['oversize-transport'],
      });
      if (r.status !== 200 && r.status !== 201) throw new Error(`registering ${uscc}: ${r.status} ${JSON.stringify(r.json)}`);
    }

    let serial = 0;
    const submit = (carrier) => call('POST', '/api/v1/permit-applications', application(carrier, ++serial), { 'idempotency-key': randomUUID() });
    // Registry announcements reach permits through NATS: wait until the first and last carriers are known.
    for (const carrier of [carriers[0], carriers.at(-1)]) {
      const start = Date.now();
      for (;;) {
        const r = await submit(carrier);
        if (r.status === 201) break;
        if (r.json?.code !== 'PERMIT_APPLICATION.UNKNOWN_CARRIER' || Date.now() - start > GIVE_UP_MS)
          throw new Error(`first application: ${r.status} ${JSON.stringify(r.json)}`);
        await sleep(100);
      }
    }

    const paths = new Map();
    const failures = new Map();
    const expect = (promise, status, tally) =>
      promise.then((r) => {
        if (r.status !== status) {
          const key = `${r.status} ${r.json?.code ?? ''}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
          throw new Error(key);
        }
        tally?.(r.json);
      });
    const valid = (i) =>
      expect(submit(carriers[i % CARRIERS]), 201, (body) => {
        const key = `${body.path} (${(body.pathReasons ?? []).map((r) => r.code ?? r).join(', ') || 'no reasons'})`;
        paths.set(key, (paths.get(key) ?? 0) + 1);
      });
    const refused = (i) =>
      expect(
        call(
          'POST',
          '/api/v1/permit-applications',
          { ...application(carriers[i % CARRIERS], ++serial), speedKmh: 'fast' },
          { 'idempotency-key': randomUUID() },
        ),
        400,
      );
    const ready = () => expect(call('GET', '/health/ready'), 200);

    const rows = [];
    const measure = async (label, seconds, fn) => {
      const before = cpu.snapshot();
      const result = await atRate(RATE, seconds, fn);
      rows.push({ label, ...result, cpu: perRequest(cpu.since(before), result.total, 0.05) });
    };
    await atRate(RATE, WARMUP_SECONDS, valid);
    paths.clear();
    failures.clear();
    await measure('baseline: GET /health/ready', BASELINE_SECONDS, ready);
    await measure('baseline: POST refused by the gateway (400, speedKmh not a number)', BASELINE_SECONDS, refused);
    await measure('POST /api/v1/permit-applications (201, joint measures asked)', SECONDS, valid);
    agent.destroy();

    const machine = `${cpus().length}× ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`;
    console.log(`\nMachine: ${machine}; open model at ${RATE}/s, ${CARRIERS} carriers, ${WARMUP_SECONDS} s warm-up\n`);
    console.log('| scenario | seconds | calls/s | p50 ms | p95 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows)
      console.log(
        `| ${r.label} | ${r.label.startsWith('baseline') ? BASELINE_SECONDS : SECONDS} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors}/${r.total} |`,
      );
    console.log(`\nCPU per call:\n${rows.map((r) => `${r.label}: ${r.cpu}`).join('\n')}`);
    console.log(`\nPaths of the measured applications: ${[...paths].map(([k, v]) => `${k} × ${v}`).join('; ')}`);
    if (failures.size) console.log(`Failures: ${[...failures].map(([k, v]) => `${k} × ${v}`).join('; ')}`);
    const main = rows.at(-1);
    console.log(`\np95 ${main.p95} ms vs ${P95_TARGET_MS} ms: ${main.p95 < P95_TARGET_MS && main.errors === 0 ? 'met' : 'NOT met'}`);
  } finally {
    await platform.stop();
  }
}

await main();
