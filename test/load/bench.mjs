// The Node runner of test/load/scenarios.json (ADR 0083): for each scenario it starts the services
// the scenario names from dist/ (private database, NATS prefix and ports, lib/private-platform.mjs),
// prepares its data, then runs baseline and scenario alternately RUNS times and reports the median
// of the runs, the baseline measured in the same runs, their ratio (per run, then the median), and
// the platform's CPU per request from /proc. Loopback only; never part of `npm test`.
//   bash scripts/with-node.sh node scripts/build.mjs
//   npm run bench                                   # every scenario, 3 runs each
//   npm run bench -- --only permit-submission --runs 5 --json /tmp/bench.json
//   npm run bench -- --report /tmp/bench.json      # the tables again from a saved run
// BENCH_LOGS=1 prints the services' log lines.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startPrivatePlatform, NATS_URL } from './lib/private-platform.mjs';
import { cpuMeter } from './lib/cpu.mjs';
import { atRate, closedLoop } from './lib/pacer.mjs';
import { bareBaseline } from './lib/bare-positions.mjs';
import { permitIssued, positionWorkload } from './lib/positions.mjs';
import { buildRequest, expand, ndjsonBody, runTag, subjectsOf, valuesFor } from './lib/scenario-template.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, only: { type: 'string' }, json: { type: 'string' }, report: { type: 'string' } },
});
const RUNS = Number(args.runs);
const DATA = JSON.parse(readFileSync(join(import.meta.dirname, 'scenarios.json'), 'utf8'));
const selected = args.only ? DATA.scenarios.filter((s) => args.only.split(',').includes(s.name)) : DATA.scenarios;
if (selected.length === 0) throw new Error(`no scenario named ${args.only}`);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => {
  const sorted = xs.filter((x) => x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const significant = (v) => Number(v.toPrecision(3)).toLocaleString('en', { maximumSignificantDigits: 3 });
const expected = (status, expect) => (Array.isArray(expect) ? expect.includes(status) : status === expect);

/** CPU seconds of the platform's components since `before`, and of the runner itself. */
function cpuSpent(cpu, before) {
  const spent = cpu.since(before);
  const platform = spent.filter(([name]) => name !== 'load generator').reduce((sum, [, s]) => sum + s, 0);
  return { platform, detail: spent };
}
const perUnit = (spent, units) => ({
  cpuMs: units ? (spent.platform / units) * 1e3 : undefined,
  cpuDetail: spent.detail.map(([name, s]) => `${name} ${significant((s / units) * 1e3)}`).join(', '),
});

/** One HTTP client against the gateway: `call(req)` → { status, json }; rejects on a network error. */
function httpClient(baseUrl, token) {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const call = ({ method, path, headers = {}, body, public: anonymous }) =>
    new Promise((resolve, reject) => {
      const all = { ...headers, ...(anonymous || !token ? {} : { authorization: `Bearer ${token}` }) };
      if (body !== undefined) all['content-length'] = Buffer.byteLength(body);
      const req = httpRequest(`${baseUrl}${path}`, { method, agent, headers: all }, (res) => {
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
      req.end(body);
    });
  return { call, close: () => agent.destroy() };
}

/** A call that resolves only with the expected status; failures are tallied by status and code. */
function checkedCall(ctx, failures) {
  const tally = (key) => failures.set(key, (failures.get(key) ?? 0) + 1);
  return async (req, expect) => {
    const r = await ctx.http.call(req).catch((error) => {
      tally(error.code ?? error.message);
      throw error;
    });
    if (!expected(r.status, expect)) {
      const key = `${r.status} ${r.json?.code ?? ''}`.trim();
      tally(key);
      throw new Error(key);
    }
    return r;
  };
}

/** The open or closed model of `load` for `seconds`, each call `send(i)`. */
function drive(model, seconds, send) {
  if (model.model === 'open') return atRate(model.ratePerSecond, seconds, send);
  if (model.model === 'closed') return closedLoop(model.connections, seconds, send);
  throw new Error(`no request model ${model.model}`);
}

/** Request-by-request scenarios: each call a new request from the template, at the scenario's load. */
const httpDriver = {
  async warmUp(ctx, scenario) {
    if (scenario.load.warmupSeconds) await drive(scenario.load, scenario.load.warmupSeconds, this.sender(ctx, scenario.request, new Map()));
  },
  sender(ctx, template, failures) {
    const call = checkedCall(ctx, failures);
    return () => call({ ...buildRequest(template, ctx.values(++ctx.n)), public: template.public }, template.expectStatus);
  },
  async measure(ctx, scenario, template = scenario.request) {
    const failures = new Map();
    const before = ctx.cpu.snapshot();
    const result = await drive(scenario.load, scenario.load.durationSeconds, this.sender(ctx, template, failures));
    return { ...result, perSecond: result.rps, ...perUnit(cpuSpent(ctx.cpu, before), result.total), failures: Object.fromEntries(failures) };
  },
  baseline(ctx, scenario) {
    return this.measure(ctx, scenario, scenario.baseline.request);
  },
};

/** NDJSON batches: records/s from the first batch sent until every batch is completed and every event published. */
const batchDriver = {
  async warmUp(ctx, scenario) {
    if (scenario.load.warmupRecords) await this.ingest(ctx, scenario, scenario.load.warmupRecords);
  },
  async ingest(ctx, scenario, records) {
    const { request, load: model } = scenario;
    const bodies = [];
    for (let first = 0; first < records; first += model.linesPerBatch) {
      const lines = Math.min(model.linesPerBatch, records - first);
      bodies.push(ndjsonBody(request, ctx.values, ctx.n + 1, lines));
      ctx.n += lines;
    }
    const t0 = performance.now();
    const ids = [];
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const r = await ctx.http.call({ method: request.method, path: request.path, headers: request.headers, body: bodies[next++] });
        if (!expected(r.status, request.expectStatus)) throw new Error(`batch refused: ${r.status} ${JSON.stringify(r.json)}`);
        ids.push(r.json.batchId);
      }
    };
    await Promise.all(Array.from({ length: model.concurrency }, worker));
    const totals = { accepted: 0, rejected: 0, duplicates: 0 };
    for (const id of ids) {
      for (;;) {
        const r = await ctx.http.call({ method: 'GET', path: request.statusPath.replace('{batchId}', id) });
        if (r.json.status === 'completed') {
          for (const key of Object.keys(totals)) totals[key] += r.json[key];
          break;
        }
        await sleep(50);
      }
    }
    while (Number((await ctx.db.query(request.drainedSql)).rows[0].n) > 0) await sleep(50);
    return { seconds: (performance.now() - t0) / 1000, totals };
  },
  async measure(ctx, scenario) {
    const before = ctx.cpu.snapshot();
    const { seconds, totals } = await this.ingest(ctx, scenario, scenario.load.records);
    ctx.lastSeconds = seconds;
    const total = scenario.load.records;
    return { perSecond: Math.round(total / seconds), seconds, errors: total - totals.accepted, total, ...perUnit(cpuSpent(ctx.cpu, before), total) };
  },
  baseline(ctx, scenario) {
    const seconds = Math.min(10, Math.max(3, Math.round(ctx.lastSeconds ?? 5)));
    const model = { model: 'closed', connections: scenario.load.concurrency, durationSeconds: seconds };
    return httpDriver.measure(ctx, { load: model }, scenario.baseline.request);
  },
};

/** Position batches on JetStream to one permits instance: positions/s until its inbox holds every batch. */
const positionDriver = {
  async prepare(ctx, scenario) {
    const { connectJetStream, MessagingNamespace } = require(join(ROOT, 'dist/libs/platform/messaging/src'));
    ctx.jet = await connectJetStream(NATS_URL, `bench-${ctx.platform.prefix}`);
    ctx.ns = new MessagingNamespace(ctx.platform.prefix);
    ctx.start = Date.now() - 12 * 3_600_000;
    const { permits } = positionWorkload({ ...scenario.load, positions: 0, start: ctx.start });
    for (const p of permits) {
      const e = this.envelope(scenario.request.permitSubject, permitIssued(p, randomUUID));
      await ctx.jet.js.publish(ctx.ns.subject(scenario.request.permitSubject), JSON.stringify(e), { msgID: e.id });
    }
    while (Number((await ctx.db.query(scenario.request.permitsSql)).rows[0].n) < permits.length) await sleep(50);
    ctx.run = 0;
  },
  envelope: (type, data) => ({ id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), subjectId: 'bench', region: '410000', data }),
  /** Run r's workload: the same vehicles, their tracks 30 minutes later than run r − 1's. */
  workload(ctx, scenario) {
    return positionWorkload({ ...scenario.load, start: ctx.start, shiftMs: ctx.run * 30 * 60_000 });
  },
  async warmUp() {},
  async measure(ctx, scenario) {
    const { request: req, load: model } = scenario;
    const { batches } = this.workload(ctx, scenario);
    ctx.run += 1;
    const messages = batches.map((text) => JSON.stringify(this.envelope('telemetry.positions', { foundBy: req.foundBy, reports: JSON.parse(text).reports })));
    const done = async () => Number((await ctx.db.query(req.doneSql)).rows[0].n);
    const target = (await done()) + messages.length;
    const before = ctx.cpu.snapshot();
    const t0 = performance.now();
    for (const [i, text] of messages.entries())
      await ctx.jet.js.publish(ctx.ns.subject(req.subject), text, { msgID: `bench-${ctx.platform.prefix}-${ctx.run}-${i}` });
    while ((await done()) < target) await sleep(50);
    const seconds = (performance.now() - t0) / 1000;
    return {
      perSecond: Math.round(model.positions / seconds),
      seconds,
      errors: 0,
      total: model.positions,
      ...perUnit(cpuSpent(ctx.cpu, before), model.positions),
    };
  },
  async baseline(ctx, scenario) {
    const { permits, batches } = this.workload(ctx, scenario);
    const run = bareBaseline(permits, batches, scenario.load.corridorM);
    run(); // JIT and caches
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const positions = scenario.load.positions;
    return {
      perSecond: Math.round(positions / seconds),
      seconds,
      errors: 0,
      total: positions,
      cpuMs: (cpu.user + cpu.system) / 1e3 / positions,
      cpuDetail: 'runner (bare loop)',
    };
  },
  async close(ctx) {
    await ctx.jet?.nc.close();
  },
};

/** Approved repair → gone from the public view: one subject at a time, polling the public profile. */
const repairDriver = {
  async prepare(ctx, scenario) {
    const { request: req, load: model } = scenario;
    const call = checkedCall(ctx, new Map());
    ctx.subjects = [];
    for (let i = 0; i < model.count * RUNS; i++) {
      const values = ctx.values(++ctx.n);
      const r = await call(buildRequest(req.record, values), req.record.expectStatus);
      const body = expand(req.record.body, values);
      ctx.subjects.push({ uscc: body.subject.id, recordId: r.json.id, documentNumber: body.documentNumber });
    }
    for (const s of ctx.subjects) await this.until(scenario, `${s.uscc} public`, () => this.shown(ctx, scenario, s));
    ctx.run = 0;
  },
  async shown(ctx, scenario, s) {
    const r = await ctx.http.call({ ...scenario.request.view, path: scenario.request.view.path.replace('{uscc}', s.uscc) });
    return r.status === 200 && (r.json.penalties ?? []).some((p) => p.documentNumber === s.documentNumber);
  },
  async until(scenario, what, condition) {
    const start = Date.now();
    while (!(await condition())) {
      if (Date.now() - start > scenario.request.giveUpSeconds * 1000) throw new Error(`gave up waiting for ${what}`);
      await sleep(scenario.request.pollMs);
    }
  },
  slice(ctx, scenario) {
    return ctx.subjects.slice(ctx.run * scenario.load.count, (ctx.run + 1) * scenario.load.count);
  },
  summary(latencies, seconds) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 100) / 100;
    return { p50: at(50), p95: at(95), p99: at(99), perSecond: Math.round((sorted.length / seconds) * 10) / 10, total: sorted.length };
  },
  async warmUp() {},
  async measure(ctx, scenario) {
    const { request: req } = scenario;
    const call = checkedCall(ctx, new Map());
    const latencies = [];
    const before = ctx.cpu.snapshot();
    const t0 = performance.now();
    ctx.lastSlice = this.slice(ctx, scenario);
    for (const s of ctx.lastSlice) {
      const values = ctx.values(++ctx.n);
      const apply = { ...req.apply, body: { ...req.apply.body, target: s.recordId } };
      // The record reaches repair through its events: 404 until then.
      let application;
      await this.until(scenario, `${s.recordId} known to repair`, async () => {
        const r = await ctx.http.call(buildRequest(apply, values));
        if (expected(r.status, apply.expectStatus)) application = r.json;
        else if (r.status !== 404) throw new Error(`apply: ${r.status} ${JSON.stringify(r.json)}`);
        return application !== undefined;
      });
      await call({ ...buildRequest(req.approve, values), path: req.approve.path.replace('{applicationId}', application.id) }, req.approve.expectStatus);
      const approvedAt = performance.now();
      await this.until(scenario, `${s.uscc} withdrawn`, async () => !(await this.shown(ctx, scenario, s)));
      latencies.push(performance.now() - approvedAt);
    }
    ctx.run += 1;
    const result = this.summary(latencies, (performance.now() - t0) / 1000);
    return { ...result, errors: 0, ...perUnit(cpuSpent(ctx.cpu, before), result.total) };
  },
  async baseline(ctx, scenario) {
    const latencies = [];
    const before = ctx.cpu.snapshot();
    const t0 = performance.now();
    // The subjects of the run just measured: their profiles, now without the repaired penalty.
    for (const s of ctx.lastSlice) {
      const t = performance.now();
      const r = await ctx.http.call({ ...scenario.baseline.request, path: scenario.baseline.request.path.replace('{uscc}', s.uscc) });
      if (!expected(r.status, scenario.baseline.request.expectStatus)) throw new Error(`baseline read: ${r.status}`);
      latencies.push(performance.now() - t);
    }
    const result = this.summary(latencies, (performance.now() - t0) / 1000);
    return { ...result, errors: 0, ...perUnit(cpuSpent(ctx.cpu, before), result.total) };
  },
};

const DRIVERS = { http: httpDriver, 'ndjson-batches': batchDriver, 'position-stream': positionDriver, 'repair-chain': repairDriver };

/** Subjects, SQL seeds, per-subject calls and the wait until the path accepts its first request. */
async function setUp(ctx, scenario) {
  const setup = scenario.setup ?? {};
  for (const sql of setup.sql ?? []) await ctx.db.query(sql, sql.includes('$1') ? [ctx.subjects] : []);
  if (setup.each) {
    const call = checkedCall(ctx, new Map());
    for (let i = 0; i < ctx.subjects.length; i++) await call(buildRequest(setup.each, { ...ctx.values(0), subject: ctx.subjects[i] }), setup.each.expectStatus);
  }
  if (setup.awaitRequest) {
    // What the setup calls announce reaches the measured service through NATS: wait for the first and last subject.
    for (const subject of [ctx.subjects[0], ctx.subjects.at(-1)]) {
      const start = Date.now();
      for (;;) {
        const r = await ctx.http.call({ ...buildRequest(scenario.request, { ...ctx.values(++ctx.n), subject }), public: scenario.request.public });
        if (expected(r.status, scenario.request.expectStatus)) break;
        if (r.json?.code !== setup.awaitRequest.retryWhileCode || Date.now() - start > setup.awaitRequest.giveUpSeconds * 1000)
          throw new Error(`first request of ${scenario.name}: ${r.status} ${JSON.stringify(r.json)}`);
        await sleep(100);
      }
    }
  }
  await DRIVERS[scenario.driver].prepare?.(ctx, scenario);
}

async function token(baseUrl, secret) {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'bench', client_secret: secret }),
  });
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** The ratio that makes target `t` comparable across runs: scenario ÷ baseline of the same run. */
function ratioOf(t, measured, baseline) {
  const key = { p50Ms: 'p50', p95Ms: 'p95', p99Ms: 'p99', perSecond: 'perSecond' }[t.metric];
  return baseline[key] ? measured[key] / baseline[key] : undefined;
}
const valueOf = (t, r) => r[{ p50Ms: 'p50', p95Ms: 'p95', p99Ms: 'p99', perSecond: 'perSecond' }[t.metric]];

async function runScenario(scenario) {
  const secret = randomBytes(18).toString('base64url');
  const { apps, scopes, region, env = {}, clientName = 'bench' } = scenario.platform;
  const loadAtStart = load();
  console.error(`\n${scenario.name}: starting ${apps.join(', ')} (load average ${loadAtStart})`);
  const platform = await startPrivatePlatform({
    label: 'bench',
    apps,
    clients: [{ clientId: 'bench', clientSecret: secret, name: clientName, kind: 'integrator', region, scopes }],
    // Production settings (as the services run there); rate limits out of the way of one load
    // generator on one address; disclosure refuses a loopback public address in production (it prints it in QR codes).
    env: {
      NODE_ENV: 'production',
      GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000',
      GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
      PUBLIC_BASE_URL: 'https://credit.example.cn',
      ...env,
    },
    onLine: (name, line) => process.env.BENCH_LOGS && console.error(`${name}: ${line}`),
  });
  const db = new pg.Client({ connectionString: platform.adminUrl });
  await db.connect();
  const subjects = subjectsOf(scenario.setup?.subjects);
  const baseUrl = apps.includes('gateway') ? `http://127.0.0.1:${platform.ports.gateway.http}` : undefined;
  const ctx = {
    platform,
    db,
    subjects,
    values: valuesFor({ run: runTag(), subjects }),
    n: 0,
    cpu: cpuMeter(ROOT, platform.adminUrl),
  };
  ctx.http = baseUrl ? httpClient(baseUrl, await token(baseUrl, secret)) : undefined;
  const driver = DRIVERS[scenario.driver];
  const runs = [];
  try {
    await setUp(ctx, scenario);
    await driver.warmUp(ctx, scenario);
    for (let i = 0; i < RUNS; i++) {
      const loadBefore = loadavg()[0];
      // The scenario first: the bulk baseline lasts as long as the bulk run before it.
      const measured = await driver.measure(ctx, scenario);
      const baseline = await driver.baseline(ctx, scenario);
      runs.push({ measured, baseline, load1: [loadBefore, loadavg()[0]] });
      console.error(
        `${scenario.name} run ${i + 1}: ${JSON.stringify({ measured: { ...measured, cpuDetail: undefined }, baseline: { ...baseline, cpuDetail: undefined } })}`,
      );
    }
  } finally {
    ctx.http?.close();
    await driver.close?.(ctx);
    await db.end();
    await platform.stop();
  }
  return { scenario, runs, loadAtStart, loadAtEnd: load(), finishedAt: new Date().toISOString() };
}

const fmt = (v, digits = 1) => (v === undefined ? '—' : Number(v.toFixed(digits)).toLocaleString('en'));
const cpuText = (ms) => (ms === undefined ? '—' : ms < 0.1 ? `${significant(ms * 1e3)} µs` : `${significant(ms)} ms`);
const unitOf = (t) => (t.metric === 'perSecond' ? `${t.unit}/s` : 'ms');

/** The machine as `nproc`, /proc/cpuinfo's model name and RAM show it. */
const machineOf = ({ cpus: n, model, totalmem: bytes }) => `${n} × ${model.trim()}, ${Math.round(bytes / 2 ** 30)} GiB`;

function report(results, machine, savedAt) {
  const runsOf = (results[0]?.runs ?? []).length;
  const lines = [
    `Node ${process.version}; ${runsOf} runs per scenario`,
    '',
    `| scenario | target | measured (median of ${runsOf}) | baseline (same runs) | ratio | platform CPU per request | load average (1 min, before→after each run) | machine | date (UTC) |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { scenario, runs, finishedAt } of results) {
    for (const t of scenario.targets) {
      const measured = median(runs.map((r) => valueOf(t, r.measured)));
      const baseline = median(runs.map((r) => valueOf(t, r.baseline)));
      const ratio = median(runs.map((r) => ratioOf(t, r.measured, r.baseline)));
      const bound = t.below !== undefined ? `< ${t.below.toLocaleString('en')} ${unitOf(t)}` : `≥ ${t.atLeast.toLocaleString('en')} ${unitOf(t)}`;
      const met = t.below !== undefined ? measured < t.below : measured >= t.atLeast;
      const name = t.metric === 'perSecond' ? 'rate' : t.metric.replace('Ms', '');
      // A rate's baseline is the trivial route's requests/s, or the bare loop's own unit.
      const baseUnit = t.metric === 'perSecond' && !scenario.baseline.bare ? 'requests/s' : unitOf(t);
      // A latency target shows the other percentiles of the same runs beside it.
      const others =
        t.metric === 'perSecond'
          ? ''
          : `; ${['p50', 'p95', 'p99']
              .filter((p) => p !== name)
              .map((p) => `${p} ${fmt(median(runs.map((r) => r.measured[p])))}`)
              .join(', ')}`;
      const cpu = `${cpuText(median(runs.map((r) => r.measured.cpuMs)))} (baseline ${cpuText(median(runs.map((r) => r.baseline.cpuMs)))})`;
      const loads = runs.map((r) => r.load1.map((l) => l.toFixed(1)).join('→')).join(', ');
      lines.push(
        `| ${scenario.name} | ${name} ${bound} | ${name} ${fmt(measured)} ${unitOf(t)}${others} (**${met ? 'met' : 'not met'}**) | ${fmt(baseline)} ${baseUnit} | ${fmt(ratio, 2)} | ${cpu} | ${loads} | ${machineOf(machine)} | ${(finishedAt ?? savedAt ?? '').slice(0, 16).replace('T', ' ')} |`,
      );
    }
  }
  lines.push(
    '',
    '| scenario | run | side | per s | p50 ms | p95 ms | p99 ms | errors | CPU per request (ms, by component) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const { scenario, runs } of results)
    runs.forEach((r, i) => {
      for (const [side, m] of [
        ['scenario', r.measured],
        ['baseline', r.baseline],
      ])
        lines.push(
          `| ${scenario.name} | ${i + 1} | ${side} | ${fmt(m.perSecond)} | ${fmt(m.p50, 2)} | ${fmt(m.p95, 2)} | ${fmt(m.p99, 2)} | ${m.errors ?? 0}/${m.total} | ${m.cpuDetail ?? ''} |`,
        );
    });
  return lines.join('\n');
}

// --report <file>: the tables again from a run saved with --json, without measuring.
if (args.report) {
  const saved = JSON.parse(readFileSync(args.report, 'utf8'));
  console.log(report(saved.results, saved.machine, statSync(args.report).mtime.toISOString()));
  process.exit(0);
}

// A scenario that fails is reported and the others still run; results are saved after each one.
const MACHINE = { cpus: cpus().length, model: cpus()[0].model, totalmem: totalmem() };
const results = [];
const broken = [];
for (const scenario of selected) {
  try {
    results.push(await runScenario(scenario));
  } catch (error) {
    broken.push(scenario.name);
    console.error(`${scenario.name} failed: ${error.stack ?? error}`);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ machine: MACHINE, results, broken }, null, 2));
}
console.log(`\n${report(results, MACHINE)}`);
const failed = results.flatMap(({ scenario, runs }) => runs.filter((r) => r.measured.errors > 0).map(() => scenario.name));
if (failed.length) console.log(`\nErrors in: ${[...new Set(failed)].join(', ')}`);
if (broken.length) {
  console.log(`\nNot measured (failed): ${broken.join(', ')}`);
  process.exitCode = 1;
}
