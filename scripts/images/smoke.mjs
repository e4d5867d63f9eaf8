// Starts each named service inside its image (buildah run, chroot isolation, host network) against
// the local PostgreSQL and NATS, and checks what issue 22 asks an image to prove: it runs as a
// non-root user without sources or dev dependencies, its migration Job works, /health/ready and
// grpc.health.v1.Health/Check answer, and SIGTERM ends it with exit code 0.
//
//   node scripts/images/smoke.mjs gateway collection     (npm run test:images runs it)
import { spawn, execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);
const { SERVICES, serviceEnv, ensureInternalIdentityKeys, internalIdentityEnv } = require('../../deploy/local/platform.cjs');
const { Client } = require('pg');
const grpc = require('@grpc/grpc-js');
const { loadSync } = require('@grpc/proto-loader');
const { protoPath: healthProto } = require('grpc-health-check');
const { parse: parseYaml } = require('yaml');

const REPOSITORY = process.env.IMAGE_REPOSITORY ?? 'transport-credit';
const TAG = process.env.IMAGE_TAG ?? 'dev';
const SERVER_URL = process.env.PLATFORM_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const say = (line) => process.stdout.write(`[images] ${line}\n`);
const bah = (...args) => execFileSync('buildah', ['--storage-driver', 'vfs', ...args], { encoding: 'utf8' }).trim();

let failures = 0;
let passes = 0;
function check(name, ok, detail = '') {
  if (ok) passes++;
  else failures++;
  say(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A fresh database, as the platform's PostgreSQL cluster would give the migration Jobs. */
async function createDatabase() {
  const name = `images_smoke_${process.pid}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function dropDatabase(name) {
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

const envArgs = (env) => Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);

/** Inside the image: who runs, what is (not) there. */
function inspectInside(service, container) {
  const run = (script) => bah('run', '--isolation', 'chroot', container, '--', 'sh', '-c', script);
  const uid = run('id -u');
  check(`${service}: runs as a non-root user`, uid !== '0', `uid ${uid}`);
  const sources = run("find /app -name node_modules -prune -o -name '*.ts' -print | head -5");
  check(`${service}: no TypeScript sources in /app`, sources === '', sources);
  const dev = run('for p in typescript jest nx @bufbuild/buf @swc/core ts-proto eslint; do [ -e node_modules/$p ] && echo $p; done; true');
  check(`${service}: no dev dependencies in node_modules`, dev === '', dev.replace(/\n/g, ' '));
  const tools = run('for t in npm npx gcc make tsc; do command -v $t; done; true');
  check(`${service}: no npm or build tools on PATH`, tools === '', tools.replace(/\n/g, ' '));
  const others = run('ls dist/apps').split('\n');
  check(`${service}: only its own app in dist/apps`, others.join() === service, others.join(' '));
  const writable = run(
    "find / -xdev -writable ! -type l ! -path '/proc/*' ! -path '/dev/*' ! -path '/tmp*' ! -path '/var/tmp*' ! -path '/run/*' ! -path '/home/node*' 2>/dev/null | head -5",
  );
  check(`${service}: nothing outside /tmp and its home is writable by the process`, writable === '', writable.replace(/\n/g, ' '));
}

function healthCheck(port) {
  const pkg = grpc.loadPackageDefinition(loadSync(healthProto, { keepCase: true, longs: String, enums: String, defaults: true }));
  const client = new pkg.grpc.health.v1.Health(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) =>
    client.Check({ service: '' }, { deadline: new Date(Date.now() + 5000) }, (error, response) => {
      client.close();
      return error ? reject(error) : resolve(response.status);
    }),
  );
}

async function waitReady(port, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return `exited with ${child.exitCode}`;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      const body = await response.text();
      if (response.status === 200) return { status: 200, body };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return 'not ready in time';
}

/** The args of container `name` in k8s/base/<service>/<file> (the Deployment's or the migration Job's). */
function manifestArgs(service, file, name) {
  const workload = parseYaml(readFileSync(new URL(`../../k8s/base/${service}/${file}`, import.meta.url), 'utf8'));
  const container = workload.spec.template.spec.containers.find((c) => c.name === name);
  if (!container?.args?.length) throw new Error(`k8s/base/${service}/${file}: container ${name} has no args`);
  return container.args;
}

/**
 * Settings the service validates at boot that the smoke takes as the manifest gives them
 * (k8s/base/<service>/configmap.yaml): in production, disclosure and permits refuse a loopback
 * PUBLIC_BASE_URL (publicBaseUrlIssue), and disclosure's REPORT_FONT_FILE must name a font the
 * image holds. Addresses, ports and stream replicas stay local.
 */
const FROM_CONFIGMAP = ['PUBLIC_BASE_URL', 'REPORT_FONT_FILE'];
function configMapSettings(service) {
  const configMap = parseYaml(readFileSync(new URL(`../../k8s/base/${service}/configmap.yaml`, import.meta.url), 'utf8'));
  return Object.fromEntries(FROM_CONFIGMAP.filter((name) => configMap.data?.[name] !== undefined).map((name) => [name, configMap.data[name]]));
}

/**
 * disclosure embeds REPORT_FONT_FILE in every credit report, but nothing reads the font at boot:
 * a missing or unreadable font would fail only the first report a citizen asks for. So the image
 * renders one (the service's own renderReportPdf, config parsed by its own schema) and the PDF
 * must carry the subset of the CJK face.
 */
const RENDER_REPORT = String.raw`
const { disclosureConfigSchema } = require('./dist/apps/disclosure/src/disclosure.definition.js');
const { renderReportPdf } = require('./dist/apps/disclosure/src/credit-reports/application/report-pdf.js');
const config = disclosureConfigSchema.parse(process.env);
const profile = { uscc: '91440400000000000X', name: '镜像检查运输有限公司', region: '440400', penalties: [], licences: [], commitments: [], grades: [], lists: [], asOf: new Date().toISOString() };
renderReportPdf(
  { code: 'SMOKE', issuedAt: new Date(), contentHash: '0'.repeat(64), verifyUrl: config.PUBLIC_BASE_URL + '/#/reports/SMOKE', profile },
  { file: config.REPORT_FONT_FILE, family: config.REPORT_FONT_FAMILY || undefined },
).then((pdf) => {
  const font = /\/BaseFont\s*\/[A-Z]{6}\+([^\s/>]+)/.exec(pdf.toString('latin1'));
  process.stdout.write(pdf.length + ' ' + (font ? font[1] : 'none'));
});
`;
function checkReportFont(container, env) {
  let result;
  try {
    result = bah('run', '--isolation', 'chroot', ...envArgs(env), container, '--', 'node', '-e', RENDER_REPORT);
  } catch (error) {
    result = `error ${String(error.stderr ?? error.message)
      .trim()
      .split('\n')
      .slice(-3)
      .join(' ')}`;
  }
  const [bytes, face] = result.split(' ');
  check(
    `disclosure: a credit report renders with ${env.REPORT_FONT_FILE} embedded`,
    face?.startsWith('NotoSansCJK') === true,
    face?.startsWith('NotoSansCJK') ? `${bytes} bytes, face ${face}` : result,
  );
}

/** The container's PID 1 (tini) on this host: a descendant of `buildah run` whose command is tini. */
function containerInit(rootPid) {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const ppid = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // gone
    }
  }
  const queue = [String(rootPid)];
  while (queue.length) {
    const pid = queue.shift();
    const cmd = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
      } catch {
        return '';
      }
    })();
    if (cmd.endsWith('tini')) return Number(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return undefined;
}

/**
 * The gateway reads its verification-only keys from a read-only mount, as from Secret
 * gateway-verification-keys (ADR 0082): the JWKS lists the signing key, then the mounted one.
 */
async function checkJwks(port, keys) {
  const kids = await fetch(`http://127.0.0.1:${port}/.well-known/jwks.json`)
    .then(async (r) => (await r.json()).keys.map((k) => k.kid))
    .catch((e) => [`error ${e.message}`]);
  check('gateway: JWKS has the signing key and the mounted verification key', JSON.stringify(kids) === JSON.stringify(keys.kids), kids.join(' '));
}

/** RFC 7638 thumbprint of an EC public key (crv, kty, x, y in that order): the kid the gateway publishes. */
function thumbprint(publicKey) {
  const { crv, x, y } = publicKey.export({ format: 'jwk' });
  return createHash('sha256')
    .update(JSON.stringify({ crv, kty: 'EC', x, y }))
    .digest('base64url');
}

/** A signing key and one verification-only public key, laid out as the gateway's two Secrets mount them. */
function gatewayKeys() {
  const dir = mkdtempSync(join(tmpdir(), 'images-smoke-'));
  const signing = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const previous = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signingFile = join(dir, 'signing-key.pem');
  writeFileSync(signingFile, signing.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const verificationDir = join(dir, 'verification-keys');
  mkdirSync(verificationDir);
  writeFileSync(join(verificationDir, 'previous.pem'), previous.publicKey.export({ format: 'pem', type: 'spki' }));
  // The image's user (uid 1000) reads them, as from a Kubernetes Secret volume.
  chmodSync(signingFile, 0o644);
  chmodSync(dir, 0o755);
  // The internal identity pair (ADR 0073): the gateway's private half, every other service's public half.
  const internalIdentity = ensureInternalIdentityKeys(dir);
  chmodSync(internalIdentity.privateKeyFile, 0o644);
  return { signingFile, verificationDir, internalIdentity, kids: [thumbprint(signing.publicKey), thumbprint(previous.publicKey)] };
}

/** Where the internal identity keys are mounted inside a container (k8s: the gateway's Secret, the services' ConfigMap). */
const INTERNAL_IDENTITY_IN_CONTAINER = {
  privateKeyFile: '/run/secrets/gateway/internal-identity/private-key.pem',
  publicKeyFile: '/etc/internal-identity/public-key.pem',
};

async function smoke(service, database, keys) {
  const image = `${REPOSITORY}/${service}:${TAG}`;
  const config = JSON.parse(bah('inspect', '--type', 'image', image)).OCIv1.config;
  // What Kubernetes runs: the image's ENTRYPOINT (tini) followed by the Deployment's args, which
  // replace the image's CMD (a `command:` would replace the ENTRYPOINT; test/k8s forbids it).
  const args = manifestArgs(service, 'deployment.yaml', service);
  const command = [...(config.Entrypoint ?? []), ...args];
  say(`${service}: image ${image}, user ${config.User}, entrypoint ${JSON.stringify(config.Entrypoint)} + k8s args ${JSON.stringify(args)}`);
  const http = await freePort();
  const grpcPort = await freePort();
  const ports = { ...SERVICES, [service]: { ...SERVICES[service], http, grpc: grpcPort } };
  const env = {
    ...serviceEnv(service, { adminUrl: database.url, natsUrl: NATS_URL, ports }),
    NODE_ENV: 'production',
    NATS_SUBJECT_PREFIX: `images${process.pid}`,
    DB_MIGRATE_ON_BOOT: 'false',
    ...configMapSettings(service),
    ...(service === 'gateway'
      ? { GATEWAY_JWT_PRIVATE_KEY_FILE: '/run/secrets/gateway/signing-key.pem', GATEWAY_JWT_VERIFICATION_KEYS_DIR: '/run/secrets/gateway/verification-keys' }
      : {}),
    ...internalIdentityEnv(service, INTERNAL_IDENTITY_IN_CONTAINER),
  };
  const container = bah('from', '--pull=never', '--name', `smoke-${service}-${process.pid}`, image);
  try {
    inspectInside(service, container);
    if (service === 'disclosure') checkReportFont(container, env);
    // The migration Job: same image, its args (`node dist/apps/<app>/src/migrate.js`) after tini, admin URL to make the role and schema.
    const migrateStarted = Date.now();
    const migrate = [...(config.Entrypoint ?? []), ...manifestArgs(service, 'migration-job.yaml', 'migrate')];
    bah('run', '--isolation', 'chroot', ...envArgs(env), container, '--', ...migrate);
    check(`${service}: migration Job (${migrate.join(' ')}) inside the image`, true, `${Date.now() - migrateStarted} ms`);
    // The service itself runs with its own role only (DATABASE_ADMIN_URL is the Job's).
    const serviceOnly = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'DATABASE_ADMIN_URL'));
    const mounts =
      service === 'gateway'
        ? [
            ...['--mount', `type=bind,source=${keys.signingFile},destination=/run/secrets/gateway/signing-key.pem,ro`],
            ...['--mount', `type=bind,source=${keys.verificationDir},destination=/run/secrets/gateway/verification-keys,ro`],
            ...['--mount', `type=bind,source=${keys.internalIdentity.privateKeyFile},destination=${INTERNAL_IDENTITY_IN_CONTAINER.privateKeyFile},ro`],
          ]
        : ['--mount', `type=bind,source=${keys.internalIdentity.publicKeyFile},destination=${INTERNAL_IDENTITY_IN_CONTAINER.publicKeyFile},ro`];
    const started = Date.now();
    const child = spawn(
      'buildah',
      ['--storage-driver', 'vfs', 'run', '--isolation', 'chroot', '--network', 'host', ...mounts, ...envArgs(serviceOnly), container, '--', ...command],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const ready = await waitReady(http, child);
    check(`${service}: GET /health/ready`, ready.status === 200, ready.status ? `200 ${ready.body} after ${Date.now() - started} ms` : ready);
    if (ready.status === 200) {
      const status = await healthCheck(grpcPort).catch((e) => `error ${e.message}`);
      check(`${service}: grpc.health.v1.Health/Check`, status === 'SERVING', String(status));
    }
    if (ready.status === 200 && service === 'gateway') await checkJwks(http, keys);
    const init = containerInit(child.pid);
    check(`${service}: tini is the container's first process`, init !== undefined, `host pid ${init}`);
    if (init) process.kill(init, 'SIGTERM');
    else child.kill('SIGTERM');
    const stopStarted = Date.now();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const { code, signal } = await exited;
    clearTimeout(timer);
    check(`${service}: SIGTERM drains and exits 0`, code === 0, `code ${code}${signal ? ` signal ${signal}` : ''} after ${Date.now() - stopStarted} ms`);
    if (failures) process.stdout.write(log.split('\n').slice(-30).join('\n') + '\n');
  } finally {
    bah('rm', container);
  }
}

const services = process.argv.slice(2);
if (!services.length) throw new Error('usage: smoke.mjs <service>...');
const database = await createDatabase();
const keys = gatewayKeys();
try {
  for (const service of services) await smoke(service, database, keys);
} finally {
  await dropDatabase(database.name);
}
say(`${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
