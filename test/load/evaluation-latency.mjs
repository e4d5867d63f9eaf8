// Incremental standing latency (issue 4: p95 under 1 s from a record's acceptance to
// `evaluation.grade.changed`). Starts gateway, collection and evaluation from dist/ on free
// ports against a private database and NATS namespace (the launcher the e2e tests use), submits
// RECORDS records one after another, each about a new Zhengzhou driver (so each one grades a
// subject for the first time and must produce a grade.changed), and measures, per record, the
// time from the 201 answer to the event arriving on NATS.
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/evaluation-latency.mjs        # RECORDS=300
import { createRequire } from 'node:module';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const dist = (path) => require(join(ROOT, 'dist', path));
const { serviceEnv, spawnService, waitReady, stop } = require(join(ROOT, 'deploy/local/platform.cjs'));
const { connectJetStream, deleteStreams, MessagingNamespace } = dist('libs/platform/messaging/src');
const { citizenIdCheckCharacter } = dist('libs/domain/identifiers/src');

const RECORDS = Number(process.env.RECORDS ?? 300);
const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const APPS = ['gateway', 'collection', 'evaluation'];

async function onServer(sql) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const database = `tcp_latency_${randomBytes(4).toString('hex')}`;
await onServer(`CREATE DATABASE "${database}"`);
const adminUrl = new URL(SERVER);
adminUrl.pathname = `/${database}`;
const dir = mkdtempSync(join(tmpdir(), 'tcp-latency-'));
writeFileSync(join(dir, 'key.pem'), generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
const secret = randomBytes(18).toString('base64url');
writeFileSync(join(dir, 'clients.json'), JSON.stringify({ clients: [{ clientId: 'latency', clientSecret: secret, name: '延迟测量', kind: 'admin', region: '410000', scopes: ['admin'] }] }));
const ports = {};
for (const app of ['gateway', 'collection', 'evaluation', 'joint-measures', 'repair', 'disclosure', 'permits']) ports[app] = { http: await freePort(), grpc: await freePort() };
const prefix = `l${randomBytes(4).toString('hex')}`;
const common = {
  NATS_SUBJECT_PREFIX: prefix,
  LOG_LEVEL: 'warn',
  GATEWAY_JWT_PRIVATE_KEY_FILE: join(dir, 'key.pem'),
  GATEWAY_CLIENTS_SEED_FILE: join(dir, 'clients.json'),
  GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
  OTEL_SDK_DISABLED: 'true',
};
const processes = {};
const logs = [];
const handles = await connectJetStream(NATS_URL, 'latency-probe');
try {
  // One at a time: services migrate their own schema at boot.
  for (const app of APPS) {
    processes[app] = spawnService(app, serviceEnv(app, { adminUrl: adminUrl.toString(), natsUrl: NATS_URL, ports, common }), { onLine: (name, line) => logs.push(`${name}: ${line}`) });
    await waitReady(app, ports[app].http, processes[app], 120_000);
  }
  const gateway = `http://127.0.0.1:${ports.gateway.http}`;
  const tokenResponse = await fetch(`${gateway}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'latency', client_secret: secret }),
  });
  const { access_token: token } = await tokenResponse.json();

  const arrived = new Map();
  const waiting = new Map();
  const subscription = handles.nc.subscribe(new MessagingNamespace(prefix).subject('evaluation.grade.changed'));
  void (async () => {
    for await (const message of subscription) {
      const at = performance.now();
      const subjectId = message.json().subjectId;
      arrived.set(subjectId, at);
      waiting.get(subjectId)?.();
    }
  })();

  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const latencies = [];
  let missing = 0;
  for (let i = 0; i < RECORDS; i += 1) {
    const first17 = `410102198${String(i % 10)}0101${String(1000 + i).slice(-3)}`;
    const driver = first17 + citizenIdCheckCharacter(first17);
    const eventArrived = new Promise((resolve) => waiting.set(driver, resolve));
    const response = await fetch(`${gateway}/api/v1/credit-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        recordType: 'confirmed-complaint',
        subject: { kind: 'person', id: driver, name: '测量' },
        region: '410100',
        severity: 'general',
        decisionDate: today,
        documentNumber: `LAT-${prefix}-${i}`,
        payload: { hotline: '12328', complaintNumber: `L${i}`, content: '测量', confirmedBy: '郑州市交通运输局' },
      }),
    });
    const accepted = performance.now();
    if (response.status !== 201) throw new Error(`record ${i}: ${response.status} ${await response.text()}`);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000));
    if ((await Promise.race([eventArrived, timeout])) === 'timeout') {
      missing += 1;
      continue;
    }
    latencies.push(Math.max(0, arrived.get(driver) - accepted));
  }
  subscription.unsubscribe();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(0);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`
### ${new Date().toISOString().slice(0, 10)} — evaluation: record accepted → evaluation.grade.changed (issue 4)

Machine: ${cpus().length} vCPU ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; PostgreSQL and nats-server on the same machine; gateway, collection and evaluation from dist/.
Command: \`RECORDS=${RECORDS} bash scripts/with-node.sh node test/load/evaluation-latency.mjs\`. Records one after another, each about a new driver.

| records | events | p50 ms | p95 ms | p99 ms | max ms |
| --- | --- | --- | --- | --- | --- |
| ${RECORDS} | ${latencies.length} (${missing} missing after 10 s) | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${latencies.at(-1).toFixed(0)} |

Target p95 < 1,000 ms: **${Number(pct(95)) < 1000 && missing === 0 ? 'met' : 'not met'}**.
`);
} catch (error) {
  console.error(logs.slice(-30).join('\n'));
  throw error;
} finally {
  await Promise.all(Object.values(processes).map((p) => stop(p, 10_000)));
  await deleteStreams(handles.jsm, new MessagingNamespace(prefix)).catch(() => undefined);
  await handles.nc.close();
  await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
