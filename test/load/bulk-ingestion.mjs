// Bulk ingestion end to end, with a bare COPY of the same rows into PostgreSQL in the same run as
// the baseline. Two ways to run it:
//   bash scripts/with-node.sh node test/load/bulk-ingestion.mjs [--records 100000] [--batch 10000] [--concurrency 2]
//     against the running platform (`npm start` in another terminal): all seven services share the
//     machine, so the projections downstream of the events (disclosure, evaluation, joint measures)
//     compete with ingestion for the two cores while they catch up;
//   bash scripts/with-node.sh node test/load/bulk-ingestion.mjs --private [...]
//     self-contained: starts only what the path "validated, stored, events published" runs through
//     (gateway and collection, from dist/, on free ports, against a database and NATS prefix of
//     their own; `node scripts/build.mjs` first), as each service has its own CPU in production.
//     Then it starts the three projections of `credit.records.created` (disclosure, evaluation,
//     joint measures) together and times how long each takes to work off the run's events (they
//     share the two cores then, as they would share them with ingestion in `npm start`).
// Generates N valid, unique penalties (catalogue v1), submits them as NDJSON batches through the
// gateway, and stops the clock when every record is stored (every batch completed) AND its
// `credit.records.created` event is in JetStream: the CREDIT_RECORDS stream holds N more messages
// than before and collection's outbox has no unpublished row left. Loopback only.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { startCollectionPath } from './lib/private-platform.mjs';
import { cpuMeter } from './lib/cpu.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const { Client } = require('pg');
const { connect } = require('@nats-io/transport-node');
const { jetstreamManager } = require('@nats-io/jetstream');
const { usccCheckCharacter } = require(join(ROOT, 'dist/libs/domain/identifiers/src'));
const { addDays, chinaDateOf } = require(join(ROOT, 'dist/libs/domain/calendar/src'));

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '2' },
    client: { type: 'string', default: 'demo-zhengzhou' },
    private: { type: 'boolean', default: false },
    // --private only: skip timing the projections' catch-up (for quick A/B runs of ingestion).
    'skip-drain': { type: 'boolean', default: false },
  },
});
const RECORDS = Number(args.records);
const BATCH_LINES = Number(args.batch);
const CONCURRENCY = Number(args.concurrency);
const { platform, secret: PRIVATE_SECRET } = args.private ? await startCollectionPath('bulk', args.client) : {};
const BASE_URL = platform ? `http://127.0.0.1:${platform.ports.gateway.http}` : (process.env.BASE_URL ?? 'http://127.0.0.1:8080');
const DATABASE_URL = platform?.adminUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/transport_credit';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const STREAM = platform ? `${platform.prefix.toUpperCase()}_CREDIT_RECORDS` : (process.env.STREAM ?? 'CREDIT_RECORDS');
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(BASE_URL)) throw new Error('load tests target loopback only');

const say = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ── data: N unique, valid records ──────────────────────────────────────────────────────────────
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const run = Date.now().toString(36).toUpperCase();
const yesterday = addDays(chinaDateOf(new Date()), -1);

/** A distinct, valid USCC per n: the 9-character organisation code encodes the run and n in base 31. */
function uscc(n) {
  let value = BigInt(Date.now() % 1_000_000) * 100_000_000n + BigInt(n);
  let organisation = '';
  for (let i = 0; i < 9; i++) {
    organisation = USCC_ALPHABET[Number(value % 31n)] + organisation;
    value /= 31n;
  }
  const first17 = `91410100${organisation}`;
  return first17 + usccCheckCharacter(first17);
}

function record(n, subjectId) {
  return {
    recordType: 'administrative-penalty',
    subject: { kind: 'org', id: subjectId, name: `压测运输有限公司${n}` },
    region: '410100',
    severity: 'general',
    decisionDate: yesterday,
    documentNumber: `压测批量〔${run}〕${n}号`,
    sourceRecordId: `bulk-${run}-${n}`,
    payload: {
      facts: '未按许可路线行驶，擅自变更超限运输路线',
      penaltyCategories: ['fine'],
      penaltyBasis: '《超限运输车辆行驶公路管理规定》第四十三条',
      penaltyContent: '罚款人民币伍仟元',
      fineAmountFen: 500_000,
      authority: '郑州市交通运输局',
      authorityUscc: '11410100005252717P',
    },
  };
}

const records = Array.from({ length: RECORDS }, (_, n) => record(n, uscc(n)));
const bodies = [];
for (let i = 0; i < RECORDS; i += BATCH_LINES)
  bodies.push(
    records
      .slice(i, i + BATCH_LINES)
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );

// ── machine facts ─────────────────────────────────────────────────────────────────────────────
const db = new Client({ connectionString: DATABASE_URL, application_name: 'bulk-ingestion-benchmark' });
await db.connect();
const nc = await connect({ servers: NATS_URL });
const jsm = await jetstreamManager(nc);
const [{ version: pgVersion }] = (await db.query('SELECT version()')).rows;
say(
  `Machine: ${cpus().length}× ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${pgVersion.split(' on ')[0]}; nats-server ${nc.info?.version ?? '?'}`,
);
say(platform ? 'Private platform: gateway and collection only (the projections are not running)' : 'Against the running platform (all services)');
say(`Run ${run}: ${RECORDS} records in ${bodies.length} batches of ≤${BATCH_LINES} lines, ${CONCURRENCY} at a time`);

// ── end to end through the gateway ────────────────────────────────────────────────────────────
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
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

const streamMessages = async () => (await jsm.streams.info(STREAM)).state.messages;
const unpublishedSince = async (seq) =>
  Number((await db.query('SELECT count(*) AS n FROM collection.outbox WHERE seq > $1 AND published_at IS NULL', [seq])).rows[0].n);

/** Events the stream's durable consumers (disclosure's projection, …) have not yet acknowledged. */
async function consumersBehind() {
  let behind = 0;
  for await (const consumer of jsm.consumers.list(STREAM)) behind += consumer.num_pending + consumer.num_ack_pending;
  return behind;
}

/** A run starts when collection is quiet: no batch in progress, no event waiting in the outbox. */
async function waitQuiet() {
  const pending = async () =>
    Number(
      (
        await db.query(
          `SELECT (SELECT count(*) FROM collection.batches WHERE status <> 'completed') + (SELECT count(*) FROM collection.outbox WHERE published_at IS NULL) AS n`,
        )
      ).rows[0].n,
    );
  for (let n = await pending(); n > 0; n = await pending()) {
    say(`waiting for collection to finish earlier work (${n} batches and outbox rows)…`);
    await sleep(1000);
  }
}

async function submitAll(bearer) {
  const ids = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`${BASE_URL}/api/v1/credit-records/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${bearer}` },
        body,
      });
      if (response.status !== 202) throw new Error(`batch refused: ${response.status} ${await response.text()}`);
      ids.push((await response.json()).batchId);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return ids;
}

async function waitStored(bearer, ids) {
  const totals = { accepted: 0, rejected: 0, duplicates: 0 };
  for (const id of ids) {
    for (;;) {
      const response = await fetch(`${BASE_URL}/api/v1/credit-records/batches/${id}`, { headers: { authorization: `Bearer ${bearer}` } });
      const status = await response.json();
      if (status.status === 'completed') {
        for (const key of Object.keys(totals)) totals[key] += status[key];
        break;
      }
      await sleep(50);
    }
  }
  return totals;
}

async function waitPublished(target, outboxStart) {
  for (;;) {
    const published = await streamMessages();
    if (published >= target && (await unpublishedSince(outboxStart)) === 0) return published;
    await sleep(50);
  }
}

async function endToEnd() {
  const bearer = await token(args.client);
  await waitQuiet();
  const behindAtStart = await consumersBehind();
  const streamStart = await streamMessages();
  const outboxStart = (await db.query('SELECT coalesce(max(seq), 0) AS seq FROM collection.outbox')).rows[0].seq;
  const t0 = performance.now();
  const ids = await submitAll(bearer);
  const tSubmitted = performance.now();
  const totals = await waitStored(bearer, ids);
  const tStored = performance.now();
  const published = await waitPublished(streamStart + totals.accepted, outboxStart);
  const tPublished = performance.now();
  if (totals.accepted !== RECORDS) throw new Error(`expected ${RECORDS} accepted, got ${JSON.stringify(totals)}`);
  // Not part of the target (events published), but worth knowing: how far the stream's consumers trail.
  const behindAtEnd = await consumersBehind();
  const seconds = (t) => (t - t0) / 1000;
  return {
    totals,
    eventsPublished: published - streamStart,
    submitS: seconds(tSubmitted),
    storedS: seconds(tStored),
    publishedS: seconds(tPublished),
    behindAtStart,
    behindAtEnd,
  };
}

// ── baseline: bare COPY of the same rows (same columns, same indexes) ─────────────────────────
const copyEscape = (value) => (value === null ? '\\N' : String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));

async function bareCopy() {
  const table = `bench_scratch.copy_${run.toLowerCase()}`;
  await db.query('CREATE SCHEMA IF NOT EXISTS bench_scratch');
  await db.query(`CREATE TABLE ${table} (LIKE collection.credit_records INCLUDING ALL)`);
  const receivedAt = new Date().toISOString();
  const rows = records.map((r) =>
    [
      randomUUID(),
      r.recordType,
      r.subject.kind,
      r.subject.id,
      r.subject.name,
      r.region,
      r.severity,
      r.decisionDate,
      r.documentNumber,
      'active',
      JSON.stringify(r.payload),
      args.client,
      r.sourceRecordId,
      null,
      receivedAt,
      1,
      1,
    ]
      .map(copyEscape)
      .join('\t'),
  );
  const columns =
    'id, record_type, subject_kind, subject_id, subject_name, region, severity, decision_date, document_number, status, payload, source_client_id, source_record_id, idempotency_key, received_at, catalogue_version, version';
  const url = new URL(DATABASE_URL);
  const data = `${rows.join('\n')}\n`;
  try {
    const t0 = performance.now();
    // psql's COPY FROM STDIN: the wire protocol's COPY, as a client would stream it.
    await new Promise((resolve, reject) => {
      const psql = spawn(
        'psql',
        [
          '-X',
          '-q',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          url.hostname,
          '-p',
          url.port || '5432',
          '-U',
          url.username || 'postgres',
          '-d',
          url.pathname.slice(1),
          '-c',
          `COPY ${table} (${columns}) FROM STDIN`,
        ],
        { stdio: ['pipe', 'inherit', 'inherit'] },
      );
      psql.on('error', reject);
      psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`))));
      psql.stdin.end(data);
    });
    const seconds = (performance.now() - t0) / 1000;
    const copied = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return { rows: copied, seconds };
  } finally {
    await db.query(`DROP TABLE ${table}`);
  }
}

/**
 * Private mode, builds with evaluation's copy of the subject registry (ADR 0044): every carrier of
 * the run is registered as a road-passenger carrier before the projections start (evaluation's
 * schema migrated first, as its start would), so the drain grades each one under Henan 两客一危
 * as builds without the registry did, and pays for the registry lookup besides. Without this,
 * a sector-bound scheme would skip every (unregistered) carrier and the drain would do less work.
 * Returns the number registered (0 on a build without the registry).
 */
async function registerCarriers() {
  const { evaluationDefinition } = require(join(ROOT, 'dist/apps/evaluation/src/evaluation.definition'));
  if (!evaluationDefinition.migrations.some((m) => m.name?.startsWith('RegistrySubjects'))) return 0;
  const { createServiceDataSource, ensureSchemaAndRole, roleUrl } = require(join(ROOT, 'dist/libs/platform/database/src'));
  await ensureSchemaAndRole(DATABASE_URL, 'evaluation');
  const dataSource = createServiceDataSource({
    schema: 'evaluation',
    url: roleUrl(DATABASE_URL, 'evaluation'),
    entities: [],
    migrations: evaluationDefinition.migrations,
    poolSize: 1,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await dataSource.query(
      `INSERT INTO registry_subjects (subject_id, subject_kind, region, sectors, registered_on, credit_registered, credit_committed, credit_self_assessed, active, revision, changed_at)
       SELECT u, 'org', '410100', ARRAY['road-passenger'], '2020-01-01', false, false, false, true, 1, now() FROM unnest($1::text[]) AS u`,
      [records.map((r) => r.subject.id)],
    );
    await dataSource.query(`ANALYZE registry_subjects`);
  } finally {
    await dataSource.destroy();
  }
  return records.length;
}

/** Private mode: start the projections after the load and time how long each takes to catch up. */
async function drainProjections() {
  const durables = {
    disclosure: 'disclosure-credit-records-created',
    evaluation: 'evaluation-credit-records-created',
    'joint-measures': 'joint-measures-records-created',
  };
  const before = cpu.snapshot();
  const t0 = performance.now();
  await platform.start(Object.keys(durables));
  const done = {};
  while (Object.keys(done).length < Object.keys(durables).length) {
    for (const [app, durable] of Object.entries(durables)) {
      if (done[app]) continue;
      const info = await jsm.consumers.info(STREAM, durable).catch(() => undefined);
      if (info && info.num_pending + info.num_ack_pending === 0 && info.delivered.stream_seq > 0) done[app] = (performance.now() - t0) / 1000;
    }
    await sleep(200);
  }
  return { done, cpu: cpu.since(before) };
}

const cpu = cpuMeter(ROOT, DATABASE_URL);
const cpuBefore = cpu.snapshot();
const e2e = await endToEnd();
const cpuSpent = cpu.since(cpuBefore);
const copy = await bareCopy();
const rate = RECORDS / e2e.publishedS;
const copyRate = copy.rows / copy.seconds;
say('');
say(
  `end to end: ${RECORDS} records; accepted ${e2e.totals.accepted}, rejected ${e2e.totals.rejected}, duplicates ${e2e.totals.duplicates}; ${e2e.eventsPublished} events in JetStream`,
);
say(
  `  all batches accepted (202) after ${e2e.submitS.toFixed(2)} s, all stored after ${e2e.storedS.toFixed(2)} s, all events published after ${e2e.publishedS.toFixed(2)} s`,
);
say(
  `  the stream's durable consumers (disclosure's projection) trailed by ${e2e.behindAtStart} events at the start and ${e2e.behindAtEnd} when the last event was published`,
);
say(`  → ${Math.round(rate).toLocaleString('en')} records/s end to end (stored only: ${Math.round(RECORDS / e2e.storedS).toLocaleString('en')} records/s)`);
say(
  `  CPU seconds during the run (wall ${e2e.publishedS.toFixed(1)} s × ${cpus().length} cores = ${(e2e.publishedS * cpus().length).toFixed(0)} available; others' processes not counted):`,
);
for (const [name, seconds] of cpuSpent)
  say(`    ${name.padEnd(24)} ${seconds.toFixed(2).padStart(7)} s  (${((seconds / RECORDS) * 1e6).toFixed(0)} µs per record)`);
say(
  `bare COPY of the same ${copy.rows} rows into a copy of credit_records (same columns and indexes): ${copy.seconds.toFixed(2)} s → ${Math.round(copyRate).toLocaleString('en')} rows/s`,
);
say(`ratio end to end / COPY: ${(rate / copyRate).toFixed(3)}; target 5,000 records/s: ${rate >= 5000 ? 'met' : 'NOT met'}`);
say('');
say(
  `| ${new Date().toISOString().slice(0, 10)} | ${RECORDS} | ${bodies.length}×${BATCH_LINES}, ${CONCURRENCY} concurrent | ${e2e.storedS.toFixed(1)} | ${e2e.publishedS.toFixed(1)} | ${Math.round(rate)} | ${Math.round(copyRate)} | ${(rate / copyRate).toFixed(3)} |`,
);
if (platform && !args['skip-drain']) {
  const registered = await registerCarriers();
  if (registered > 0) say(`registered ${registered} carriers as road-passenger in evaluation's copy of the subject registry before the drain (ADR 0044)`);
  const drain = await drainProjections();
  say(`projections started after the run, together, on the same machine: time to work off ${RECORDS} events (services' start-up of ~2-4 s included):`);
  for (const [app, seconds] of Object.entries(drain.done))
    say(`    ${app.padEnd(16)} ${seconds.toFixed(1).padStart(6)} s  → ${Math.round(RECORDS / seconds).toLocaleString('en')} events/s`);
  // What evaluation did with them: a drain that graded nobody would be fast for the wrong reason.
  const graded = await db
    .query(`SELECT scheme_id, count(*)::int AS n FROM evaluation.subject_standings GROUP BY scheme_id ORDER BY scheme_id`)
    .catch(() => ({ rows: [] }));
  say(`  evaluation standings after the drain: ${graded.rows.map((r) => `${r.scheme_id} ${r.n}`).join(', ') || 'none'}`);
  say('  CPU seconds during the drain:');
  for (const [name, seconds] of drain.cpu)
    say(`    ${name.padEnd(24)} ${seconds.toFixed(2).padStart(7)} s  (${((seconds / RECORDS) * 1e6).toFixed(0)} µs per event)`);
}
await nc.close();
await db.end();
await platform?.stop();
