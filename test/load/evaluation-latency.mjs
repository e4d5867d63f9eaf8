// Incremental standing latency (issue 4: p95 under 1 s from a record's acceptance to
// `evaluation.grade.changed`). Starts gateway, collection and evaluation from dist/ on free
// ports against a private database and NATS namespace (the launcher the e2e tests use), submits
// RECORDS records one after another, each about a new Zhengzhou driver (so each one grades a
// subject for the first time and must produce a grade.changed), and measures, per record, the
// time from the 201 answer to the event arriving on NATS.
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/evaluation-latency.mjs        # RECORDS=300
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { NATS_URL, startPrivatePlatform } from './lib/private-platform.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const dist = (path) => require(join(ROOT, 'dist', path));
const { connectJetStream, MessagingNamespace } = dist('libs/platform/messaging/src');
const { citizenIdCheckCharacter } = dist('libs/domain/identifiers/src');
const { chinaDateOf } = dist('libs/domain/calendar/src');

const RECORDS = Number(process.env.RECORDS ?? 300);

const secret = randomBytes(18).toString('base64url');
const logs = [];
const platform = await startPrivatePlatform({
  label: 'latency',
  apps: ['gateway', 'collection', 'evaluation'],
  clients: [{ clientId: 'latency', clientSecret: secret, name: '延迟测量', kind: 'admin', region: '410000', scopes: ['admin'] }],
  env: { GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000' },
  onLine: (name, line) => logs.push(`${name}: ${line}`),
  readyTimeoutMs: 120_000,
});
const { ports, prefix } = platform;
const handles = await connectJetStream(NATS_URL, 'latency-probe');
try {
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

  const today = chinaDateOf(new Date());
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
  await handles.nc.close();
  await platform.stop();
}
