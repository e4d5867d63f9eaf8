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

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const domain = (file) => require(join(ROOT, 'dist/apps/permits/src/conformance/domain', file));
const { CorridorIndex } = domain('corridor-index.js');
const { conformBatch } = domain('batch.js');
const { default: Flatbush } = await import('flatbush');
const { default: CheapRuler } = await import('cheap-ruler');

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const SERVICE = process.argv.includes('--service');
const POSITIONS = Number(args[0] ?? 200_000);
const VEHICLES = Number(args[1] ?? 2_000);
const BATCH = Number(args[2] ?? 1_000);
const ROUNDS = Number(args[3] ?? 5);
const CORRIDOR_M = 500;
// Permits valid from 12 h ago until now; positions 4 h to ~3 h ago (all inside the windows, none in the future).
const START = Date.now() - 12 * 3_600_000;

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function makePermits() {
  const permits = [];
  for (let v = 0; v < VEHICLES; v += 1) {
    let lon = 111.5 + random() * 3.5;
    let lat = 32.5 + random() * 3;
    const coordinates = [[lon, lat]];
    for (let k = 0; k < 59; k += 1) {
      lon += (random() - 0.3) * 0.03;
      lat += (random() - 0.3) * 0.02;
      coordinates.push([lon, lat]);
    }
    permits.push({
      permitNo: `BENCH-${v}`,
      plate: `豫B${String(v).padStart(5, '0')}`,
      plateColour: 'yellow',
      route: { segments: [{ province: '410000', line: { type: 'LineString', coordinates } }] },
      validFrom: START,
      validUntil: START + 12 * 3_600_000,
      carrier: { uscc: '91410100MA0000001X', name: '郑州大件运输有限公司' },
      issuedByRegion: '410000',
    });
  }
  return permits;
}

/** Batches as they arrive on the wire: JSON text of { reports: [...] }. */
function makeBatches(permits) {
  const batches = [];
  let reports = [];
  const perVehicle = Math.ceil(POSITIONS / VEHICLES);
  for (let i = 0; i < POSITIONS; i += 1) {
    const v = i % VEHICLES;
    const step = Math.floor(i / VEHICLES);
    const line = permits[v].route.segments[0].line.coordinates;
    const t = Math.min(0.999, step / perVehicle) * (line.length - 1);
    const [a, b] = [line[Math.floor(t)], line[Math.floor(t) + 1]];
    const f = t - Math.floor(t);
    const off = random() < 0.1 ? 0.02 + random() * 0.03 : (random() - 0.5) * 0.006;
    reports.push({
      plate: permits[v].plate,
      plateColour: 'yellow',
      longitude: a[0] + (b[0] - a[0]) * f + off,
      latitude: a[1] + (b[1] - a[1]) * f,
      speedKmh: random() < 0.01 ? 400 : 60,
      recordedAt: new Date(START + 8 * 3_600_000 + step * 30_000).toISOString().replace('Z', '+00:00'),
    });
    if (reports.length === BATCH) {
      batches.push(JSON.stringify({ reports }));
      reports = [];
    }
  }
  if (reports.length > 0) batches.push(JSON.stringify({ reports }));
  return batches;
}

/** The bare baseline: parse, look up the vehicle's permit, search the same kind of index, measure. */
function bareBaseline(permits, batches) {
  const pieces = [];
  const byPlate = new Map();
  permits.forEach((permit, p) => {
    byPlate.set(`${permit.plate}|${permit.plateColour}`, p);
    const c = permit.route.segments[0].line.coordinates;
    for (let k = 1; k < c.length; k += 1) pieces.push({ p, a: c[k - 1], b: c[k], ruler: new CheapRuler((c[k - 1][1] + c[k][1]) / 2, 'meters') });
  });
  const index = new Flatbush(pieces.length);
  for (const piece of pieces) {
    const box = piece.ruler.bufferBBox(
      [Math.min(piece.a[0], piece.b[0]), Math.min(piece.a[1], piece.b[1]), Math.max(piece.a[0], piece.b[0]), Math.max(piece.a[1], piece.b[1])],
      CORRIDOR_M,
    );
    index.add(box[0], box[1], box[2], box[3]);
  }
  index.finish();
  return () => {
    let outside = 0;
    for (const text of batches) {
      for (const r of JSON.parse(text).reports) {
        const p = byPlate.get(`${r.plate}|${r.plateColour}`);
        const at = Date.parse(r.recordedAt);
        if (p === undefined || !(at >= permits[p].validFrom)) continue;
        const point = [r.longitude, r.latitude];
        const hits = index.search(r.longitude, r.latitude, r.longitude, r.latitude, (i) => pieces[i].p === p);
        if (!hits.some((i) => pieces[i].ruler.pointToSegmentDistance(point, pieces[i].a, pieces[i].b) <= CORRIDOR_M)) outside += 1;
      }
    }
    return outside;
  };
}

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

const permits = makePermits();
const batches = makeBatches(permits);
const sides = { 'bare baseline': bareBaseline(permits, batches), 'route conformance (domain path)': conformance(permits, batches) };
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
      const data = {
        permitNo: p.permitNo,
        applicationId: randomUUID(),
        carrier: p.carrier,
        vehicle: { tractorPlate: p.plate, tractorPlateColour: p.plateColour },
        permitClass: 'II',
        route: p.route,
        dimensions: { heightM: 4.5, widthM: 3.5, lengthM: 20, grossMassKg: 60000 },
        validFrom: new Date(p.validFrom).toISOString(),
        validUntil: new Date(p.validUntil).toISOString(),
        trips: 'single',
        issuedBy: { region: '410000', authority: '河南省交通运输厅', authorityUscc: '114100000052519881' },
        issuedAt: new Date(p.validFrom).toISOString(),
      };
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
