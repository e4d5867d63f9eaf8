// A private platform for a benchmark: some services from dist/ on free loopback ports, against a
// database of their own and a NATS subject prefix of their own, with a fresh gateway signing key,
// a fresh internal identity key pair and the clients given; `stop()` ends the services and
// removes the database and the streams.
// Used by the self-contained benchmarks (decision-bench, public-profile-bench, evaluation-latency).
import { createRequire } from 'node:module';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onServer, SERVER_URL } from './postgres-server.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const { SERVICES, serviceEnv, ensureInternalIdentityKeys, spawnService, waitReady, stop } = require(join(ROOT, 'deploy/local/platform.cjs'));
const { connectJetStream, deleteStreams, MessagingNamespace } = require(join(ROOT, 'dist/libs/platform/messaging/src'));

export { SERVER_URL };
export const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * Starts `apps` one after another (each migrates its own schema at boot) with `env` on top of the
 * platform's settings. `onLine(name, line)` receives the services' log lines.
 */
export async function startPrivatePlatform({ label, apps, clients = [], env = {}, onLine = () => undefined, readyTimeoutMs }) {
  const tag = randomBytes(4).toString('hex');
  const database = `tcp_${label}_${tag}`;
  await onServer(`CREATE DATABASE "${database}"`);
  const adminUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${database}` }).toString();
  const dir = mkdtempSync(join(tmpdir(), `tcp-${label}-`));
  writeFileSync(join(dir, 'key.pem'), generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(join(dir, 'clients.json'), JSON.stringify({ clients }));
  // The gateway signs each call's principal with its private half, the services verify with the public one (ADR 0073).
  const internalIdentity = ensureInternalIdentityKeys(dir);
  const ports = {};
  for (const app of Object.keys(SERVICES)) ports[app] = { http: await freePort(), grpc: await freePort() };
  const prefix = `${label[0]}${tag}`;
  const common = {
    NATS_SUBJECT_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    GATEWAY_JWT_PRIVATE_KEY_FILE: join(dir, 'key.pem'),
    GATEWAY_CLIENTS_SEED_FILE: join(dir, 'clients.json'),
    OTEL_SDK_DISABLED: 'true',
    // e.g. SERVICE_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the services during a run.
    ...(process.env.SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SERVICE_NODE_OPTIONS } : {}),
    // Relay settings to compare (e.g. OUTBOX_COALESCE_MS=10 node test/load/decision-bench.mjs).
    ...Object.fromEntries(
      ['OUTBOX_COALESCE_MS', 'OUTBOX_POLL_MS', 'INBOX_COALESCE_MS'].filter((key) => process.env[key]).map((key) => [key, process.env[key]]),
    ),
    ...env,
  };
  const children = {};
  const platform = {
    adminUrl,
    ports,
    prefix,
    children,
    internalIdentity,
    async stop() {
      await Promise.all(Object.values(children).map((child) => stop(child, 10_000)));
      const handles = await connectJetStream(NATS_URL, `${label}-cleanup-${prefix}`);
      await deleteStreams(handles.jsm, new MessagingNamespace(prefix)).catch(() => undefined);
      await handles.nc.close();
      await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
  /** Starts more services on the same platform, all at once (e.g. consumers after a load). */
  platform.start = async (more) => {
    for (const app of more) children[app] = spawnService(app, serviceEnv(app, { adminUrl, natsUrl: NATS_URL, ports, common, internalIdentity }), { onLine });
    await Promise.all(more.map((app) => waitReady(app, ports[app].http, children[app], readyTimeoutMs)));
  };
  try {
    for (const app of apps) await platform.start([app]);
  } catch (error) {
    await platform.stop();
    throw error;
  }
  return platform;
}

/**
 * The path of a record through the platform and nothing downstream of its events: gateway and
 * collection, with one Zhengzhou integrator `clientId` allowed to write records. `secret` is its
 * client secret.
 */
export async function startCollectionPath(label, clientId) {
  const secret = randomBytes(18).toString('base64url');
  const platform = await startPrivatePlatform({
    label,
    apps: ['gateway', 'collection'],
    clients: [{ clientId, clientSecret: secret, name: `${label} benchmark`, kind: 'integrator', region: '410100', scopes: ['records:write', 'records:read'] }],
    env: { NODE_ENV: 'production', GATEWAY_RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  return { platform, secret };
}
