// `npm start`: runs all seven services against local PostgreSQL and NATS, seeds demo clients and
// demo records through the public API, prints where everything is, and stops cleanly on Ctrl-C.
import { createRequire } from 'node:module';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { DEMO_SEED_SYSTEMS } from './demo-seed-systems.mjs';

const require = createRequire(import.meta.url);
const { REPO_ROOT, SERVICES, serviceEnv, ensureInternalIdentityKeys, spawnService, waitReady, stop } = require('./platform.cjs');
const { demoClientsFile } = require('./demo-clients.cjs');
const { Client } = require('pg');
const { usccCheckCharacter } = require(join(REPO_ROOT, 'dist/libs/domain/identifiers/src'));

const DATA = join(REPO_ROOT, '.data');
const LOGS = join(DATA, 'logs');
const DATABASE = process.env.PLATFORM_DATABASE ?? 'transport_credit';
const SERVER_URL = process.env.PLATFORM_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const GATEWAY = `http://127.0.0.1:${SERVICES.gateway.http}`;

mkdirSync(LOGS, { recursive: true });
const say = (line) => process.stdout.write(`\x1b[1;34m[platform]\x1b[0m ${line}\n`);

const FRESH = process.argv.includes('--fresh');
/**
 * `npm start -- --with-partner`: also a second deployment configured as the partner province Hubei
 * (420000: every service but permits, with its own database, ports, NATS namespace, key and issuer)
 * that follows this one's signed change feed as the demo client `demo-partner-hubei` (issue 20 item
 * 7, ADR 0080): Henan's list entries, records and grades about Hubei carriers arrive there as
 * Henan's, and a repair applied for in Hubei about a Henan record is forwarded to Henan (ADR 0084).
 * Off by default: `npm start` stays one province and as fast as before.
 */
const WITH_PARTNER = process.argv.includes('--with-partner');
const PARTNER = {
  province: '420000',
  database: `${DATABASE}_hubei`,
  natsPrefix: 'hubei',
  // No permits: Hubei's permit office answers Henan's cross-province applications through its gateway's relay.
  apps: ['gateway', 'collection', 'evaluation', 'joint-measures', 'repair', 'disclosure'],
  dir: join(DATA, 'hubei'),
  // Every port of the partner's table 1000 above ours.
  ports: Object.fromEntries(Object.entries(SERVICES).map(([app, p]) => [app, { http: p.http + 1000, grpc: p.grpc + 1000 }])),
};

/**
 * `npm start -- --fresh`: forget the local platform's data first — its database and its
 * JetStream streams (with their durable consumers and any backlog) — so demo data and load runs
 * start from empty. Only the unprefixed streams `npm start` itself uses are touched.
 */
async function forgetLocalData() {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await client.query(`DROP DATABASE IF EXISTS "${PARTNER.database}" WITH (FORCE)`);
  await client.end();
  const { connect } = require('@nats-io/transport-node');
  const { jetstreamManager } = require('@nats-io/jetstream');
  const { STREAM_SUBJECTS } = require(join(REPO_ROOT, 'dist/libs/contracts/src'));
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  for (const stream of Object.keys(STREAM_SUBJECTS)) await jsm.streams.delete(stream).catch(() => false);
  await nc.close();
  say(`--fresh: dropped database ${DATABASE} and the local streams`);
}

async function ensureDatabase(name = DATABASE) {
  if (FRESH && name === DATABASE) await forgetLocalData();
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  return databaseUrl(name);
}

/** The platform database on the local server, as its superuser (schemas and roles, demo history). */
function databaseUrl(name = DATABASE) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function ensureSigningKey(dir = DATA) {
  const path = join(dir, 'gateway-signing-key.pem');
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  return path;
}

/**
 * .data/demo-clients.json from the one table of demo clients (demo-clients.cjs): secrets of an
 * earlier start are kept, clients added to the table since get theirs now. The gateway registers
 * the file at boot in one statement (ClientSeeder).
 */
function ensureDemoClients(dir = DATA) {
  const path = join(dir, 'demo-clients.json');
  const existing = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).clients : [];
  const next = demoClientsFile(existing);
  if (JSON.stringify(next.clients) !== JSON.stringify(existing)) writeFileSync(path, JSON.stringify(next, null, 2), { mode: 0o600 });
  return path;
}

function uscc(first17) {
  return first17 + usccCheckCharacter(first17);
}

const AUTHORITIES = {
  410100: { authority: '郑州市交通运输局', authorityUscc: '11410100005252717P' },
  410300: { authority: '洛阳市交通运输局', authorityUscc: '114103000052528115' },
  410000: { authority: '河南省交通运输厅', authorityUscc: '114100000052519881' },
};

/** Demo payloads valid against catalogue v1 (apps/collection/src/catalogue/domain/catalogue-v1.ts). */
function demoPayload(r) {
  if (r.payload) return r.payload(r.decisionDate);
  if (r.type === 'monitoring-violation') {
    return {
      violationCode: 'fatigue-driving',
      occurredAt: `${r.decisionDate}T03:10:00+08:00`,
      plate: '豫A9D358',
      plateColour: 'yellow',
      platform: '河南省综合交通运输管理服务平台',
      durationMinutes: 290,
      description: r.facts,
    };
  }
  if (r.type === 'administrative-licence') {
    return { licenceCategory: 'ordinary', content: r.facts, validFrom: '2026-11-01', validUntil: '2027-04-30', ...AUTHORITIES['410000'] };
  }
  const categories = r.severity === 'minor' ? ['warning'] : ['fine'];
  return {
    facts: r.facts,
    penaltyCategories: categories,
    penaltyBasis: r.basis,
    penaltyContent: r.content,
    ...(r.fine ? { fineAmountFen: r.fine } : {}),
    ...AUTHORITIES[r.region],
  };
}

const DEMO_RECORDS = [
  {
    n: 1,
    org: uscc('91410100MA3X0001'.padEnd(17, '0')),
    name: '郑州中原大件运输有限公司',
    region: '410100',
    type: 'administrative-penalty',
    severity: 'general',
    doc: '郑交执罚〔2026〕0101号',
    facts: '未按许可路线行驶，擅自变更超限运输路线',
    basis: '《超限运输车辆行驶公路管理规定》第四十五条',
    content: '罚款人民币壹万元',
    fine: 1_000_000,
  },
  {
    n: 2,
    org: uscc('91410100MA3X0002'.padEnd(17, '0')),
    name: '郑州顺达物流有限公司',
    region: '410100',
    type: 'administrative-penalty',
    severity: 'severe',
    doc: '郑交执罚〔2026〕0142号',
    facts: '车辆超限运输，超过许可总质量 15%',
    basis: '《公路法》第七十六条',
    content: '罚款人民币叁万元',
    fine: 3_000_000,
  },
  {
    n: 3,
    org: uscc('91410100MA3X0001'.padEnd(17, '0')),
    name: '郑州中原大件运输有限公司',
    region: '410100',
    type: 'administrative-licence',
    severity: 'minor',
    doc: '豫交许〔2026〕大件0888号',
    facts: '超限运输车辆行驶公路许可（Ⅱ类）',
  },
  {
    n: 5,
    org: uscc('91410100MA3X0001'.padEnd(17, '0')),
    name: '郑州中原大件运输有限公司',
    region: '410100',
    type: 'monitoring-violation',
    severity: 'general',
    doc: 'HN-ALARM-2026-000501',
    facts: '连续驾驶 4 小时 50 分钟，未按规定休息',
  },
  {
    n: 4,
    org: uscc('91410300MA3X0003'.padEnd(17, '0')),
    name: '洛阳河洛客运有限公司',
    region: '410300',
    type: 'administrative-penalty',
    severity: 'minor',
    doc: '洛交执罚〔2026〕0033号',
    facts: '客运车辆动态监控装置未正常工作',
    basis: '《道路运输车辆动态监督管理办法》第三十六条',
    content: '警告',
  },
  // A Henan 两客一危 carrier (hazardous goods, seed 002 案例1): its operating licence ends within
  // Henan's one-month renewal warning (expiry-warning.ts, seed 002 焦作 "提前1个月"), so collection's
  // scheduler announces a reminder within a minute of start (GET /api/v1/licences/reminders); the
  // licence record registers its 危货 sector (ADR 0042), so the red/yellow/green scheme grades it:
  // 1000 − 50 − 50 − 30 = 870, yellow (800 ≤ score < 900; shipped-schemes.ts, henan-passenger-hazardous-codes).
  {
    n: 6,
    org: uscc('91410100MA3X0006'.padEnd(17, '0')),
    name: '郑州安达危险货物运输有限公司',
    region: '410100',
    type: 'administrative-licence',
    severity: 'minor',
    doc: '郑交许〔2026〕危货0606号',
    payload: (today) => ({
      licenceCategory: 'ordinary',
      licenceName: '道路运输经营许可证',
      licenceNumber: '豫交运管许可郑字410100000006号',
      content: '经营范围：道路危险货物运输（2类1项、3类）',
      validFrom: '2022-12-26',
      validUntil: addDays(today, 20),
      ...AUTHORITIES['410100'],
    }),
  },
  ...[
    { n: 7, severity: 'severe', doc: '郑交执罚〔2026〕0707号', facts: '危险货物运输车辆未按规定悬挂标志', content: '罚款人民币伍万元', fine: 5_000_000 },
    { n: 8, severity: 'severe', doc: '郑交执罚〔2026〕0708号', facts: '驾驶人员未取得危险货物道路运输从业资格', content: '罚款人民币伍万元', fine: 5_000_000 },
    { n: 9, severity: 'general', doc: '郑交执罚〔2026〕0709号', facts: '未按规定对运输车辆进行安全技术检验', content: '罚款人民币壹万元', fine: 1_000_000 },
  ].map((p) => ({
    ...p,
    org: uscc('91410100MA3X0006'.padEnd(17, '0')),
    name: '郑州安达危险货物运输有限公司',
    region: '410100',
    type: 'administrative-penalty',
    basis: '《道路危险货物运输管理规定》',
  })),
];

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo subjects in the subject registry (ADR 0042), so sector-bound schemes grade them: their
 * sectors come from licences (中原大件's 大件 licence also arrives as demo record 3, through the
 * licence-record hook) or are declared; one vehicle, the one of the demo monitoring alarm. A PUT
 * without `licences` keeps those a record brought, so the order against the hook does not matter.
 */
const DEMO_REGISTRATIONS = [
  {
    path: `enterprises/${demoOrg(1)}`,
    body: { name: '郑州中原大件运输有限公司', region: '410100', declaredSectors: ['general-cargo'], registeredOn: '2015-03-18' },
  },
  {
    path: `enterprises/${demoOrg(2)}`,
    body: {
      name: '郑州顺达物流有限公司',
      region: '410100',
      licences: [
        {
          number: '豫交运管许可郑字410100000002号',
          businessScope: '道路普通货物运输',
          validFrom: '2020-06-01',
          validUntil: '2030-05-31',
          authority: '郑州市交通运输局',
        },
      ],
      registeredOn: '2020-06-01',
    },
  },
  {
    path: `enterprises/${demoOrg(4)}`,
    body: {
      name: '洛阳河洛客运有限公司',
      region: '410300',
      licences: [
        {
          number: '豫交运管许可洛字410300000003号',
          businessScope: '道路旅客运输（县际班车客运、市际包车客运）',
          validFrom: '2018-01-01',
          validUntil: '2029-12-31',
          authority: '洛阳市交通运输局',
        },
      ],
      registeredOn: '2012-09-10',
      credit: { registered: true, committed: true, selfAssessed: true },
    },
  },
  {
    path: `enterprises/${demoOrg(6)}`,
    body: { name: '郑州安达危险货物运输有限公司', region: '410100', declaredSectors: ['hazardous-goods'], registeredOn: '2022-12-26' },
  },
  { path: `vehicles/${encodeURIComponent('豫A9D358:yellow')}`, body: { carrierUscc: demoOrg(1), region: '410100', vehicleType: 'tractor', axles: 6 } },
];

function demoOrg(n) {
  return DEMO_RECORDS.find((r) => r.n === n).org;
}

async function seedDemoRegistry(token) {
  for (const { path, body } of DEMO_REGISTRATIONS) {
    const response = await fetch(`${GATEWAY}/api/v1/registry/${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`demo registration ${path}: ${response.status} ${await response.text()}`);
  }
}

async function demoToken(clients, clientId) {
  const client = clients.find((c) => c.clientId === clientId);
  const response = await fetch(`${GATEWAY}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
  });
  if (!response.ok) throw new Error(`demo token for ${clientId} refused: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** Payload date-times written 'TODAY' (water records: passage, inspection) become today's, 10:00 China time. */
function withToday(payload, today) {
  return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, v === 'TODAY' ? `${today}T10:00:00+08:00` : v]));
}

/** Each system with its own client, the systems concurrently (start time stays about the same). */
async function seedDemoSeedSystems(clients, today) {
  await Promise.all(
    DEMO_SEED_SYSTEMS.map(async (system) => {
      const token = await demoToken(clients, system.clientId);
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      for (const s of system.subjects) {
        const [path, body] =
          s.kind === 'org'
            ? [
                `enterprises/${s.id}`,
                { name: s.name, region: system.region, declaredSectors: s.sectors, registeredOn: '2015-01-01', ...(s.credit ? { credit: s.credit } : {}) },
              ]
            : s.kind === 'vessel'
              ? [`vessels/${s.id}`, { name: s.name, region: system.region, vesselType: s.vesselType ?? 'inland-cargo' }]
              : [`drivers/${s.id}`, { name: s.name, region: system.region, qualificationSectors: s.sectors, qualifiedOn: s.qualifiedOn }];
        const registered = await fetch(`${GATEWAY}/api/v1/registry/${path}`, { method: 'PUT', headers, body: JSON.stringify(body) });
        if (!registered.ok) throw new Error(`demo registration ${system.scheme} ${path}: ${registered.status} ${await registered.text()}`);
        for (const v of s.vehicles ?? []) {
          const vehicle = { carrierUscc: s.id, region: system.region, vehicleType: v.vehicleType, axles: v.axles };
          const put = await fetch(`${GATEWAY}/api/v1/registry/vehicles/${encodeURIComponent(`${v.plate}:${v.colour}`)}`, {
            method: 'PUT',
            headers,
            body: JSON.stringify(vehicle),
          });
          if (!put.ok) throw new Error(`demo vehicle ${system.scheme} ${v.plate}: ${put.status} ${await put.text()}`);
        }
        if (s.partnerListEntry) await importDemoPartnerEntry(clients, s, today);
        const recordIds = [];
        for (const [i, r] of s.records.entries()) {
          const response = await fetch(`${GATEWAY}/api/v1/credit-records`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              recordType: r.recordType,
              subject: { kind: s.kind, id: s.id, name: s.name },
              region: system.region,
              severity: r.severity,
              decisionDate: typeof r.decisionDate === 'function' ? r.decisionDate(today) : today,
              documentNumber: r.doc,
              sourceRecordId: `demo-${system.scheme}-${s.id}-${i + 1}`,
              payload: typeof r.payload === 'function' ? r.payload(today) : withToday(r.payload, today),
            }),
          });
          if (!response.ok && response.status !== 409) throw new Error(`demo record ${system.scheme} ${s.id}: ${response.status} ${await response.text()}`);
          if (response.status === 201) recordIds.push(((await response.json()) ?? {}).id);
        }
        if (s.listEntry && recordIds[0]) await decideDemoListEntry(headers, s, recordIds[0]);
      }
      if (system.screening) await screenDemoList(system.screening, headers, system.subjects.length);
    }),
  );
}

/**
 * A list entry this province decided about a demo subject (the permit demo's key-watch carrier):
 * proposed through the API on the basis of the subject's first demo record, its prior notice
 * (事前告知, 5 working days) placed in the past in the data — the demo starts after that period
 * has run out, as the tests do — then confirmed through the API, so it is in force like any
 * confirmed entry. Only on a fresh seed (the record was created now); a failure only warns.
 */
async function decideDemoListEntry(headers, subject, basisRecordId) {
  const { listType, grounds, documentNumber } = subject.listEntry;
  try {
    let proposed;
    for (let i = 0; i < 60 && !proposed; i++) {
      // Joint measures learns the basis record from collection's event: 404 until then.
      const response = await fetch(`${GATEWAY}/api/v1/lists/${listType}/entries`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ subjectId: subject.id, basisRecordIds: [basisRecordId], grounds }),
      });
      if (response.status === 404) await new Promise((r) => setTimeout(r, 500));
      else if (response.ok) proposed = await response.json();
      else throw new Error(`${response.status} ${await response.text()}`);
    }
    if (!proposed) throw new Error('the basis record did not reach joint measures');
    const db = new Client({ connectionString: databaseUrl() });
    await db.connect();
    try {
      await db.query(`UPDATE joint_measures.list_entries SET notice_ends_on = current_date - 1 WHERE id = $1`, [proposed.id]);
    } finally {
      await db.end();
    }
    const confirmed = await fetch(`${GATEWAY}/api/v1/list-entries/${proposed.id}/decision`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ outcome: 'confirm', documentNumber }),
    });
    if (!confirmed.ok) throw new Error(`${confirmed.status} ${await confirmed.text()}`);
  } catch (error) {
    say(`warning: demo ${listType} entry for ${subject.id} not in force: ${error.message}`);
  }
}

/**
 * A partner region's list entry about a demo subject, recognised here at once (exchange API,
 * `POST /exchange/v1/list-entries`; the same source reference again answers the first import).
 */
async function importDemoPartnerEntry(clients, subject, today) {
  const { clientId, listType, grounds, provenance } = subject.partnerListEntry;
  const token = await demoToken(clients, clientId);
  const response = await fetch(`${GATEWAY}/exchange/v1/list-entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      listType,
      subject: { kind: subject.kind, id: subject.id, name: subject.name },
      grounds,
      provenance: { ...provenance, decidedOn: today },
      startsOn: today,
    }),
  });
  if (!response.ok) throw new Error(`demo partner entry ${subject.id}: ${response.status} ${await response.text()}`);
}

/**
 * A screening run (筛选认定, ADR 0052) once joint measures holds the records above: retried for a few
 * seconds until the demo subjects are listed (or were already, `kept`); a failure only warns.
 */
async function screenDemoList(ruleId, headers, expected) {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const response = await fetch(`${GATEWAY}/api/v1/entry-rules/${ruleId}/screenings`, { method: 'POST', headers, body: JSON.stringify({}) });
    if (response.ok) {
      const { subjects } = await response.json();
      if (subjects.filter((s) => s.outcome === 'listed' || s.outcome === 'kept').length >= expected) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.warn(`demo screening ${ruleId}: the demo subjects were not listed`);
}

async function seedDemoRecords(clientsFile) {
  const { clients } = JSON.parse(readFileSync(clientsFile, 'utf8'));
  const henan = clients.find((c) => c.clientId === 'demo-henan');
  const tokenResponse = await fetch(`${GATEWAY}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: henan.clientId, client_secret: henan.clientSecret }),
  });
  if (!tokenResponse.ok) throw new Error(`demo token refused: ${tokenResponse.status} ${await tokenResponse.text()}`);
  const { access_token: token } = await tokenResponse.json();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (const r of DEMO_RECORDS) {
    const response = await fetch(`${GATEWAY}/api/v1/credit-records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        recordType: r.type,
        subject: { kind: 'org', id: r.org, name: r.name },
        region: r.region,
        severity: r.severity,
        decisionDate: today,
        documentNumber: r.doc,
        sourceRecordId: `demo-${r.n}`,
        payload: demoPayload({ ...r, decisionDate: today }),
      }),
    });
    if (!response.ok && response.status !== 409) throw new Error(`demo record ${r.n}: ${response.status} ${await response.text()}`);
  }
  await Promise.all([seedDemoRegistry(token), seedDemoSeedSystems(clients, today)]);
  return { demoUscc: DEMO_RECORDS[0].org, token };
}

/**
 * Collection's scheduler announces renewal reminders at its start and then every SCHEDULE_POLL_MS
 * (default 60 s), so the demo licence seeded after start shows in the feed within a minute: say
 * so once it does (in the background; start does not wait for it).
 */
async function reportDemoReminders(token) {
  for (let attempt = 0; attempt < 90; attempt++) {
    await new Promise((r) => setTimeout(r, 2000));
    try {
      const response = await fetch(`${GATEWAY}/api/v1/licences/reminders?limit=100`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) continue;
      const { reminders = [] } = await response.json();
      if (reminders.length > 0) {
        say(`licence renewal reminders announced: ${reminders.length} (GET ${GATEWAY}/api/v1/licences/reminders)`);
        return;
      }
    } catch {
      return; // stopping
    }
  }
}

/** True when nothing listens on (or holds) 127.0.0.1:port. */
function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Waits up to 15 s for every port the stack needs; names the ones still taken. */
async function ensurePortsFree() {
  const ports = Object.values(SERVICES).flatMap((p) => [p.http, p.grpc]);
  if (WITH_PARTNER) ports.push(...PARTNER.apps.flatMap((app) => [PARTNER.ports[app].http, PARTNER.ports[app].grpc]));
  for (let attempt = 0; attempt < 30; attempt++) {
    const busy = [];
    for (const port of ports) if (!(await portFree(port))) busy.push(port);
    if (busy.length === 0) return;
    if (attempt === 29) throw new Error(`ports in use: ${busy.join(', ')} (another \`npm start\`? stop it first)`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * The partner deployment's files under .data/hubei/: its key and demo clients, its agreement with
 * Henan (Henan's key-watch and severe-dishonesty decisions apply, about any subject: Henan shares
 * entries about carriers registered in Hubei), and the feed it follows — this deployment's gateway,
 * as `demo-partner-hubei` with that client's secret from our demo clients.
 */
function partnerFiles(henanClientsFile) {
  mkdirSync(PARTNER.dir, { recursive: true });
  const henanClient = JSON.parse(readFileSync(henanClientsFile, 'utf8')).clients.find((c) => c.clientId === 'demo-partner-hubei');
  const agreements = join(PARTNER.dir, 'agreements.json');
  writeFileSync(
    agreements,
    JSON.stringify(
      [
        {
          id: 'henan-demo',
          partner: { region: '410000', name: '河南省交通运输厅' },
          source: 'demo agreement of the two-province stack (npm start -- --with-partner)',
          lists: [
            { listType: 'key-watch', subjects: 'any', effect: 'apply', maxTermMonths: 24 },
            { listType: 'severe-dishonesty', subjects: 'any', effect: 'apply', maxTermMonths: 36 },
          ],
          // Henan's records about Hubei carriers are held here as Henan's (ADR 0069, ADR 0086), and
          // Henan's colour codes are read on the Yangtze four-colour ladder (ADR 0085).
          records: { subjects: 'any' },
          grades: {
            schemes: [
              { schemeId: 'henan-passenger-hazardous-codes', subjects: 'any', effect: 'apply', recognitionTable: 'henan-codes-to-yangtze-four-colour' },
            ],
          },
        },
      ],
      null,
      2,
    ),
  );
  const feeds = join(PARTNER.dir, 'partner-feeds.json');
  writeFileSync(
    feeds,
    JSON.stringify(
      [
        {
          region: '410000',
          baseUrl: GATEWAY,
          jwksUrl: `${GATEWAY}/.well-known/jwks.json`,
          issuer: process.env.GATEWAY_ISSUER ?? 'transport-credit-gateway',
          clientId: henanClient.clientId,
          clientSecret: henanClient.clientSecret,
          pollIntervalSeconds: 5,
        },
      ],
      null,
      2,
    ),
    { mode: 0o600 },
  );
  return {
    PLATFORM_PROVINCE: PARTNER.province,
    GATEWAY_ISSUER: `transport-credit-gateway-${PARTNER.province}`,
    NATS_SUBJECT_PREFIX: PARTNER.natsPrefix,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    GATEWAY_JWT_PRIVATE_KEY_FILE: ensureSigningKey(PARTNER.dir),
    GATEWAY_CLIENTS_SEED_FILE: ensureDemoClients(PARTNER.dir),
    GATEWAY_EXCHANGE_AGREEMENTS_FILE: agreements,
    GATEWAY_EXCHANGE_PARTNER_FEEDS_FILE: feeds,
    // Hubei's portal, report QR codes and permit pages are its own gateway's.
    PUBLIC_BASE_URL: `http://localhost:${PARTNER.ports.gateway.http}`,
  };
}

/**
 * Something for the partner to receive: Zhengzhou puts a carrier registered in Wuhan (USCC 420100)
 * on the key-watch list after an off-route finding (as the oversize-permits demo does for its own
 * carrier), so Henan's feed carries it to Hubei. Only on a fresh seed (the record is new).
 */
async function seedCrossProvinceEntry(clients) {
  const token = await demoToken(clients, 'demo-zhengzhou');
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const subject = {
    kind: 'org',
    id: uscc('91420100MA3X1901'.padEnd(17, '0')),
    name: '武汉江汉大件运输有限公司',
    listEntry: { listType: 'key-watch', grounds: '一年内多次未按许可路线行驶（跨省）', documentNumber: '郑交信〔2026〕1901号' },
  };
  const response = await fetch(`${GATEWAY}/api/v1/credit-records`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      recordType: 'oversize-transport-violation',
      subject: { kind: subject.kind, id: subject.id, name: subject.name },
      region: '410100',
      severity: 'general',
      decisionDate: today,
      documentNumber: '郑交执罚〔2026〕1901号',
      sourceRecordId: 'demo-partner-cross-province-1',
      payload: {
        violationType: 'off-route',
        permitNumber: '410000-2026-000019',
        detectedAt: `${today}T10:00:00+08:00`,
        detectedBy: 'trajectory-comparison',
        plate: '鄂A19010',
        plateColour: 'yellow',
      },
    }),
  });
  if (response.status === 201) await decideDemoListEntry(headers, subject, (await response.json()).id);
  else if (response.status !== 409) say(`warning: cross-province demo record not stored: ${response.status} ${await response.text()}`);
  await seedRepairableCrossProvinceRecord(headers, subject, today);
  return subject;
}

/**
 * A general penalty Zhengzhou decided four months ago about the same Wuhan carrier: past its 3-month
 * minimum (DOMAIN.md §5), so the carrier may apply for its repair in Hubei, which forwards the
 * application to Henan, the deciding province (谁认定、谁修复, ADR 0084).
 */
async function seedRepairableCrossProvinceRecord(headers, subject, today) {
  const [y, m, d] = today.split('-').map(Number);
  const decided = new Date(Date.UTC(y, m - 1 - 4, Math.min(d, 28))).toISOString().slice(0, 10);
  const response = await fetch(`${GATEWAY}/api/v1/credit-records`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      recordType: 'administrative-penalty',
      subject: { kind: subject.kind, id: subject.id, name: subject.name },
      region: '410100',
      severity: 'general',
      decisionDate: decided,
      documentNumber: '郑交执罚〔2026〕1902号',
      sourceRecordId: 'demo-partner-cross-province-2',
      payload: {
        violationType: '超限运输',
        facts: '车货总质量超过限定标准（跨省运输，演示）',
        penaltyCategories: ['fine'],
        penaltyBasis: '《超限运输车辆行驶公路管理规定》第四十三条',
        penaltyContent: '罚款人民币叁仟元',
        fineAmountFen: 300_000,
        ...AUTHORITIES[410100],
      },
    }),
  });
  if (response.status !== 201 && response.status !== 409)
    say(`warning: repairable cross-province demo record not stored: ${response.status} ${await response.text()}`);
}

/** Starts the partner deployment once ours is up (its feed is ours); its logs are .data/logs/hubei-<app>.log. */
async function startPartner(children, henanClientsFile) {
  const listed = await seedCrossProvinceEntry(JSON.parse(readFileSync(henanClientsFile, 'utf8')).clients);
  const adminUrl = await ensureDatabase(PARTNER.database);
  const common = partnerFiles(henanClientsFile);
  // A deployment of its own: its gateway signs its services' principals with a key pair of its own (ADR 0073).
  const internalIdentity = ensureInternalIdentityKeys(PARTNER.dir);
  await Promise.all(
    PARTNER.apps.map(async (app) => {
      const child = spawnService(app, serviceEnv(app, { adminUrl, natsUrl: NATS_URL, ports: PARTNER.ports, common, internalIdentity }), {
        onLine: (name, line) => showLine(`hubei-${name}`, line),
      });
      children[`hubei-${app}`] = child;
      await waitReady(`hubei-${app}`, PARTNER.ports[app].http, child, 90_000);
    }),
  );
  const partnerGateway = `http://127.0.0.1:${PARTNER.ports.gateway.http}`;
  say(`partner province Hubei (${PARTNER.province}) up, following ${GATEWAY}/exchange/v1/changes`);
  process.stdout.write(`
  Partner (Hubei ${PARTNER.province}, --with-partner): gateway ${partnerGateway}, its own demo clients in .data/hubei/demo-clients.json
    TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=demo-admin -d client_secret=<its secret> ${partnerGateway}/api/v1/auth/token | jq -r .access_token)
    curl -s -H "authorization: Bearer $TOKEN" ${partnerGateway}/api/v1/admin/partner-feeds              (cursor, head, last failure)
    curl -s -H "authorization: Bearer $TOKEN" "${partnerGateway}/api/v1/partner-list-entries?state=applied"   (Henan's entries, with provenance:
                                                                                                    ${listed.name} ${listed.id}, listed by Zhengzhou)
    curl -s ${partnerGateway}/public/v1/subjects/${listed.id}                                       (Henan's penalty and entry, shown as Henan's)
    Repair of Henan's penalty applied for in Hubei (forwarded to Henan): README "--with-partner"
`);
}

function showLine(app, line) {
  appendFileSync(join(LOGS, `${app}.log`), `${line}\n`);
  try {
    const entry = JSON.parse(line);
    if (['warn', 'error', 'fatal'].includes(entry.level) || /\bup: http\b|shutting down|stopped/.test(entry.message ?? '')) {
      process.stdout.write(`  ${app.padEnd(15)} ${entry.level.padEnd(5)} ${entry.message ?? ''}\n`);
    }
  } catch {
    process.stdout.write(`  ${app.padEnd(15)} ${line}\n`);
  }
}

async function main() {
  const adminUrl = await ensureDatabase();
  const keyFile = ensureSigningKey();
  const internalIdentity = ensureInternalIdentityKeys(DATA);
  const clientsFile = ensureDemoClients();
  const common = { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', GATEWAY_JWT_PRIVATE_KEY_FILE: keyFile, GATEWAY_CLIENTS_SEED_FILE: clientsFile };
  // Pass platform settings through, e.g. GATEWAY_RATE_LIMIT_PER_MINUTE=1000000 npm start for load tests.
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(GATEWAY_|OTEL_|BATCH_|DB_POOL_SIZE$|OUTBOX_POLL_MS$|OUTBOX_COALESCE_MS$|INBOX_COALESCE_MS$|SHUTDOWN_GRACE_MS$)/.test(key) && !(key in common))
      common[key] = value;
  }
  const children = {};
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping every service (each drains in-flight work first)`);
    await Promise.all(Object.values(children).map((child) => stop(child)));
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await ensurePortsFree();
  say(`starting ${Object.keys(SERVICES).length} services (logs in .data/logs/)`);
  const ready = new Set();
  const launch = (app, retriesLeft) => {
    const child = spawnService(app, serviceEnv(app, { adminUrl, natsUrl: NATS_URL, common, internalIdentity }), { onLine: showLine });
    children[app] = child;
    child.on('exit', (code, signal) => {
      if (stopping) return;
      // A port briefly held by another socket makes a boot fail; one more try before giving up.
      if (!ready.has(app) && retriesLeft > 0) {
        say(`${app} exited during start-up (${code ?? signal}); starting it again`);
        setTimeout(() => launch(app, retriesLeft - 1), 1000);
        return;
      }
      say(`${app} exited (${code ?? signal}); stopping the platform`);
      void shutdown('service exit');
    });
  };
  for (const app of Object.keys(SERVICES)) launch(app, 2);
  await Promise.all(
    Object.keys(SERVICES).map(async (app) => {
      for (;;) {
        try {
          await waitReady(app, SERVICES[app].http, children[app], 90_000);
          ready.add(app);
          return;
        } catch (error) {
          if (children[app].exitCode === null && children[app].signalCode === null) throw error;
          await new Promise((r) => setTimeout(r, 1500)); // relaunched: wait on the new process
        }
      }
    }),
  );
  const { demoUscc, token } = await seedDemoRecords(clientsFile);
  const { clients } = JSON.parse(readFileSync(clientsFile, 'utf8'));
  say('platform up');
  process.stdout.write(`
  Gateway REST     ${GATEWAY}/api/v1   (OpenAPI: ${GATEWAY}/api/docs)
  Gateway gRPC     127.0.0.1:${SERVICES.gateway.grpc}
  Public profile   ${GATEWAY}/public/v1/subjects/${demoUscc}
                   ${GATEWAY}/public/v1/subjects/${demoOrg(6)}  (两客一危 code, licence expiring)
  JWKS             ${GATEWAY}/.well-known/jwks.json
  Services         ${Object.entries(SERVICES)
    .filter(([a]) => a !== 'gateway')
    .map(([a, p]) => `${a} :${p.http}/:${p.grpc}`)
    .join(', ')}

  Demo clients (.data/demo-clients.json; one per seed region, see the README):
${clients.map((c) => `    ${c.clientId.padEnd(20)} ${c.kind.padEnd(11)} region ${c.region}  secret ${c.clientSecret}`).join('\n')}

  Try:
    TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=demo-henan -d client_secret=<secret> ${GATEWAY}/api/v1/auth/token | jq -r .access_token)
    curl -s -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' ${GATEWAY}/api/v1/credit-records -d @docs/examples/penalty.json
    curl -s -H "authorization: Bearer $TOKEN" "${GATEWAY}/api/v1/credit-records?subjectId=${demoUscc}"
    curl -s -H "authorization: Bearer $TOKEN" ${GATEWAY}/api/v1/monitoring-violations?state=unclaimed
    curl -s -H "authorization: Bearer $TOKEN" ${GATEWAY}/api/v1/reports/collection-quality
    curl -s -H "authorization: Bearer $TOKEN" ${GATEWAY}/api/v1/registry/enterprises/${demoUscc}/vehicles
    curl -s -H "authorization: Bearer $TOKEN" ${GATEWAY}/api/v1/registry/enterprises/${demoOrg(6)}
    curl -s -H "authorization: Bearer $TOKEN" "${GATEWAY}/api/v1/licences/reminders?limit=100"   (within a minute of start)
  Ctrl-C stops everything.
`);
  void reportDemoReminders(token);
  if (WITH_PARTNER) await startPartner(children, clientsFile);
}

main().catch(async (error) => {
  say(`failed: ${error.stack ?? error}`);
  process.kill(process.pid, 'SIGTERM');
});
