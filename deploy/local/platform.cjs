// Launches platform services as real processes from dist/: shared by `npm start` (stack.mjs)
// and the end-to-end tests, so both run the platform the same way.
'use strict';
const { spawn } = require('node:child_process');
const { generateKeyPairSync } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const REPO_ROOT = join(__dirname, '..', '..');

/** App → schema, HTTP port, gRPC port (README and k8s use the same table). */
const SERVICES = {
  gateway: { schema: 'gateway', http: 8080, grpc: 50051 },
  collection: { schema: 'collection', http: 8081, grpc: 50052 },
  evaluation: { schema: 'evaluation', http: 8082, grpc: 50053 },
  'joint-measures': { schema: 'joint_measures', http: 8083, grpc: 50054 },
  repair: { schema: 'repair', http: 8084, grpc: 50055 },
  disclosure: { schema: 'disclosure', http: 8085, grpc: 50056 },
  permits: { schema: 'permits', http: 8086, grpc: 50057 },
};

function roleUrl(adminUrl, role) {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = '';
  return url.toString();
}

/**
 * The gateway's internal identity key pair (ADR 0073) in `dir`, made now unless both files are
 * there already: the gateway signs the principal of each call with the private key (mode 0600),
 * every other service verifies it with the public one. Not the access-token key.
 */
function ensureInternalIdentityKeys(dir) {
  const privateKeyFile = join(dir, 'internal-identity-private.pem');
  const publicKeyFile = join(dir, 'internal-identity-public.pem');
  if (!existsSync(privateKeyFile) || !existsSync(publicKeyFile)) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    writeFileSync(privateKeyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    writeFileSync(publicKeyFile, publicKey.export({ format: 'pem', type: 'spki' }));
  }
  return { privateKeyFile, publicKeyFile, privateKeyPem: readFileSync(privateKeyFile, 'utf8'), publicKeyPem: readFileSync(publicKeyFile, 'utf8') };
}

/** The internal identity variable of one service: the private key's file for the gateway, the public key's for the others. */
function internalIdentityEnv(app, { privateKeyFile, publicKeyFile }) {
  return app === 'gateway' ? { GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE: privateKeyFile } : { INTERNAL_IDENTITY_PUBLIC_KEY_FILE: publicKeyFile };
}

/**
 * Environment for one service. `ports` maps app → { http, grpc } (defaults above);
 * `internalIdentity` ({ privateKeyFile, publicKeyFile }, from ensureInternalIdentityKeys) gives
 * each service its half of the internal identity key pair; `common` is merged last (NATS prefix,
 * OTLP endpoint, log level, gateway key and clients file).
 */
function serviceEnv(app, { adminUrl, natsUrl, ports = SERVICES, common = {}, internalIdentity }) {
  const own = ports[app];
  const env = {
    NODE_ENV: 'development',
    HTTP_PORT: String(own.http),
    GRPC_PORT: String(own.grpc),
    GRPC_HOST: '127.0.0.1',
    DATABASE_URL: roleUrl(adminUrl, SERVICES[app].schema),
    DATABASE_ADMIN_URL: adminUrl,
    NATS_URL: natsUrl,
    OTEL_SERVICE_NAME: app,
  };
  // The demo's repair reminders (repair.reminders.due) within a minute of a record's minimum period, not an hour.
  if (app === 'repair') env.REPAIR_REMINDER_SWEEP_MS = '60000';
  if (app === 'gateway') {
    for (const peer of Object.keys(SERVICES).filter((s) => s !== 'gateway')) {
      env[`${peer.toUpperCase().replace(/-/g, '_')}_GRPC_URL`] = `127.0.0.1:${ports[peer].grpc}`;
    }
  }
  // Permits asks joint measures about the credit path of each application.
  if (app === 'permits') env.JOINT_MEASURES_GRPC_URL = `127.0.0.1:${ports['joint-measures'].grpc}`;
  return { ...env, ...(internalIdentity ? internalIdentityEnv(app, internalIdentity) : {}), ...common };
}

/** Starts `node --require <telemetry preload> dist/apps/<app>/src/main.js`. */
function spawnService(app, env, { onLine } = {}) {
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', '--require', join(REPO_ROOT, 'dist/libs/platform/telemetry/src/preload.js'), join(REPO_ROOT, `dist/apps/${app}/src/main.js`)],
    // Own process group: a terminal's Ctrl-C reaches only the launcher, which then stops each
    // service once with SIGTERM (a second signal would make a service skip its drain).
    { cwd: REPO_ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const forward = (stream) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) onLine?.(app, line);
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  return child;
}

/** Polls /health/ready until 200, or fails with the process's exit. */
async function waitReady(app, httpPort, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${app} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${httpPort}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${app} not ready on :${httpPort} after ${timeoutMs} ms`);
}

/** SIGTERM, then wait for a clean exit (services drain first); SIGKILL after the grace period. */
function stop(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

module.exports = { REPO_ROOT, SERVICES, serviceEnv, ensureInternalIdentityKeys, internalIdentityEnv, spawnService, waitReady, stop, roleUrl };
