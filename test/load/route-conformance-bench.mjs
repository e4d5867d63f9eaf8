// Benchmark of route conformance (issue 18 item 8; target ≥ 20,000 positions/s per instance, goal
// 50,000), beside a bare baseline in the same run: the same JSON batches parsed and checked against
// the same flatbush index with the same cheap-ruler distances in one plain Node loop (no validation
// flags, no episodes, no grouping). Both run in this process, one after the other, alternating for
// ROUNDS rounds; the figure is each side's best round and the ratio of the medians.
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/route-conformance-bench.mjs [positions=200000] [vehicles=2000] [batch=1000] [rounds=5] [--service]
// --service adds the instance's whole path: the permits service from dist/ (private database and
// NATS prefix) is sent the permits as PermitIssued events, then every batch is published on
// telemetry.positions.410000; the clock stops when its inbox holds every batch (episode state and
// violation events committed). CPU per position of the service, PostgreSQL and nats-server from /proc.
// Scenario: VEHICLES permit holders on routes of 60 vertices (≈ 120 km) spread over Henan; every
// vehicle reports in time order, 90 % of points on its route (within ±300 m of it), 10 % 2–5 km off,
// so episodes open and close; 1 % of points are flagged (impossible speed). Corridor 500 m.
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { startPrivatePlatform, NATS_URL } from './lib/private-platform.mjs';
import { cpuMeter } from './lib/cpu.mjs';
import { bareBaseline } from './lib/bare-positions.mjs';
import { permitIssued, positionWorkload } from './lib/positions.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const domain = (file) => require(join(ROOT, 'dist/apps/permits/src/conformance/domain', file));
const { CorridorIndex } = domain('corridor-index.js');
const { conformBatch } = domain('batch.js');

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const SERVICE = process.argv.includes('--service');
const POSITIONS = Number(args[0] ?? 200_000);
const VEHICLES = Number(args[1] ?? 2_000);
const BATCH = Number(args[2] ?? 1_000);
const ROUNDS = Number(args[3] ?? 5);
const CORRIDOR_M = 500;
// Permits valid from 12 h ago until now; positions 4 h to ~3 h ago (all inside the windows, none in the future).
const START = Date.now() - 12 * 3_600_000;

const { permits, batches } = positionWorkload({ positions: POSITIONS, vehicles: VEHICLES, batch: BATCH, start: START });

/** Route conformance's own path: parse, validate, group by vehicle, judge, advance episodes, carry state. */
function conformance(permits, batches) {
  const index = new CorridorIndex(permits, CORRIDOR_M);
  return () => {
    const state = new Map();
    let opened = 0;
    const now = Date.now();
    for (const text of batches) {
      const outcome = conformBatch(index, JSON.parse(text).reports, state, now);
      opened += outcome.opened.length;
      for (const [key, episode] of outcome.state) {
        if (episode) state.set(key, episode);
        else state.delete(key);
      }
    }
    return opened;
  };
}

function timed(run) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, result };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const sides = { 'bare baseline': bareBaseline(permits, batches, CORRIDOR_M), 'route conformance (domain path)': conformance(permits, batches) };
const runs = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
for (const run of Object.values(sides)) run(); // warm-up: JIT and caches
for (let round = 0; round < ROUNDS; round += 1) for (const [name, run] of Object.entries(sides)) runs[name].push(timed(run));

console.log(
  `route conformance: ${POSITIONS} positions, ${VEHICLES} vehicles, batches of ${BATCH}, corridor ${CORRIDOR_M} m, ${ROUNDS} rounds; ${cpus().length} × ${cpus()[0]?.model}; Node ${process.version}`,
);
console.log('| path | positions/s (median) | best | CPU µs/position (median) | result |');
console.log('|---|---:|---:|---:|---|');
for (const [name, list] of Object.entries(runs)) {
  const rates = list.map((r) => POSITIONS / r.seconds);
  const cpu = list.map((r) => (r.cpuSeconds / POSITIONS) * 1e6);
  const result = name === 'bare baseline' ? `${list[0].result} points outside` : `${list[0].result} episodes opened`;
  console.log(
    `| ${name} | ${Math.round(median(rates)).toLocaleString('en')} | ${Math.round(Math.max(...rates)).toLocaleString('en')} | ${median(cpu).toFixed(2)} | ${result} |`,
  );
}
const [base, ours] = Object.values(runs).map((list) => median(list.map((r) => POSITIONS / r.seconds)));
console.log(`\nratio route conformance (domain path) / bare baseline: ${(ours / base).toFixed(2)}`);
if (SERVICE) await servicePath(base);

/** The permits service end to end: JetStream in, PostgreSQL state and outbox, one instance. */
async function servicePath(baseline) {
  const platform = await startPrivatePlatform({ label: 'conformance', apps: ['permits'], env: { NODE_ENV: 'production' } });
  const require = createRequire(import.meta.url);
  const { connectJetStream, MessagingNamespace } = require(join(ROOT, 'dist/libs/platform/messaging/src'));
  const handles = await connectJetStream(NATS_URL, `conformance-bench-${platform.prefix}`);
  const ns = new MessagingNamespace(platform.prefix);
  const db = new pg.Client({ connectionString: platform.adminUrl });
  await db.connect();
  const envelope = (type, data) => ({ id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), subjectId: 'bench', region: '410000', data });
  const count = async (sql) => Number((await db.query(sql)).rows[0].n);
  const until = async (sql, n) => {
    while ((await count(sql)) < n) await new Promise((r) => setTimeout(r, 50));
  };
  try {
    for (const p of permits) {
      const data = permitIssued(p, randomUUID);
      const e = envelope('permits.permit.issued', data);
      await handles.js.publish(ns.subject('permits.permit.issued'), JSON.stringify(e), { msgID: e.id });
    }
    await until(`SELECT count(*) AS n FROM permits.conformance_permits`, permits.length);
    const foundBy = { name: '河南省道路运输车辆动态监控平台', uscc: '12410000MB1234567X' };
    const messages = batches.map((text) => JSON.stringify(envelope('telemetry.positions', { foundBy, reports: JSON.parse(text).reports })));
    const cpu = cpuMeter(ROOT, platform.adminUrl);
    const before = cpu.snapshot();
    const t0 = process.hrtime.bigint();
    for (const [i, text] of messages.entries())
      await handles.js.publish(ns.subject('telemetry.positions.410000'), text, { msgID: `bench-${i}-${platform.prefix}` });
    await until(`SELECT count(*) AS n FROM permits.inbox WHERE consumer = 'permits-conformance-positions'`, messages.length);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const spent = cpu.since(before);
    const episodes = await count(`SELECT count(*) AS n FROM permits.conformance_episodes`);
    const rate = POSITIONS / seconds;
    console.log(
      `\n| permits service, one instance (JetStream → PostgreSQL + outbox) | ${Math.round(rate).toLocaleString('en')} | — | ${spent.map(([name, s]) => `${name} ${((s / POSITIONS) * 1e6).toFixed(2)}`).join(', ')} | ${episodes} episodes reported |`,
    );
    console.log(`ratio service / bare baseline: ${(rate / baseline).toFixed(3)} (${seconds.toFixed(2)} s for ${messages.length} batches)`);
  } finally {
    await db.end();
    await handles.nc.close();
    await platform.stop();
  }
}
