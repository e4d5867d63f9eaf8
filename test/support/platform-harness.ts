import { ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloneTestDatabase, TEST_NATS_URL, TestDatabase } from '@platform/testing';
import { deleteStreams, MessagingNamespace, connectJetStream } from '@platform/messaging';
import {
  ensureInternalIdentityKeys,
  InternalIdentityKeys,
  serviceEnv,
  spawnService,
  stop,
  waitReady,
  SERVICES,
  ServicePorts,
} from '../../deploy/local/platform.cjs';
import { OtlpReceiver } from './otlp-receiver';
export { DEMO_CLIENTS, demoClientsFile } from '../../deploy/local/demo-clients.cjs';
export { eventually } from '@platform/testing';

import type { ClientSeed } from '../../apps/gateway/src/auth/application/client-seeder';

export type DemoClient = ClientSeed;

export const TEST_CLIENTS: Omit<DemoClient, 'clientSecret'>[] = [
  { clientId: 'henan', name: '河南省', kind: 'integrator', region: '410000', scopes: ['records:write', 'records:read'] },
  { clientId: 'zhengzhou', name: '郑州市', kind: 'integrator', region: '410100', scopes: ['records:write', 'records:read'] },
  { clientId: 'luoyang', name: '洛阳市', kind: 'integrator', region: '410300', scopes: ['records:write', 'records:read'] },
  { clientId: 'reader', name: '只读', kind: 'integrator', region: '410000', scopes: ['records:read'] },
  { clientId: 'regulator', name: '河南省交通运输厅', kind: 'admin', region: '410000', scopes: ['admin'] },
  { clientId: 'permit-window', name: '郑州市许可窗口', kind: 'integrator', region: '410100', scopes: ['measures:decide', 'records:read'] },
  { clientId: 'henan-inspection', name: '河南省执法监督', kind: 'integrator', region: '410000', scopes: ['measures:decide'] },
  { clientId: 'suzhou-partner', name: '苏州市交通运输局', kind: 'partner', region: '320500', scopes: ['exchange:write'] },
  // Reads everything a Zhengzhou unit may read, writes nothing (the one-region-rule suite, ADR 0041).
  {
    clientId: 'zhengzhou-reader',
    name: '郑州市（只读）',
    kind: 'integrator',
    region: '410100',
    scopes: ['records:read', 'evaluations:read', 'measures:decide'],
  },
  // Jiyuan's and Hebi's transport bureaus (seed 002 案例5/案例6; demo-jiyuan/demo-hebi in deploy/local/demo-clients.cjs).
  {
    clientId: 'jiyuan',
    name: '济源示范区交通运输局',
    kind: 'integrator',
    region: '419001',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  {
    clientId: 'hebi',
    name: '鹤壁市交通运输局',
    kind: 'integrator',
    region: '410600',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  // Jiaozuo's transport bureau: submits its general-cargo carriers' records and asks for decisions (issue 17, seed 002 案例4).
  {
    clientId: 'jiaozuo',
    name: '焦作市交通运输局',
    kind: 'integrator',
    region: '410800',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  // Xuchang's taxi office: registers drivers, submits records, reads stars, decides charging/dispatch (seed 002 案例3).
  {
    clientId: 'xuchang',
    name: '许昌市交通运输局',
    kind: 'integrator',
    region: '411000',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  // Hangzhou: an integrator that registers operators, submits records and draws inspections, and the city's regulator (seed 004 杭州).
  {
    clientId: 'hangzhou',
    name: '杭州市交通运输局',
    kind: 'integrator',
    region: '330100',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  { clientId: 'hangzhou-regulator', name: '杭州市交通运输局（管理）', kind: 'admin', region: '330100', scopes: ['admin'] },
  // Nanyang's transport bureau: registers taxi firms, submits records, asks the new-capacity decision (seed 000 南阳).
  {
    clientId: 'nanyang',
    name: '南阳市交通运输局',
    kind: 'integrator',
    region: '411300',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  // Shandong's transport department: registers operators (with their 信用注册/承诺/自评), submits records, draws inspections; and its regulator (seed 004 案例8).
  {
    clientId: 'shandong',
    name: '山东省交通运输厅',
    kind: 'integrator',
    region: '370000',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  { clientId: 'shandong-regulator', name: '山东省交通运输厅（管理）', kind: 'admin', region: '370000', scopes: ['admin'] },
  // Pingdingshan, Luohe and Puyang transport bureaus (seed 002 案例8/案例2/案例10): records in, grades read, decisions asked.
  ...(
    [
      ['pingdingshan', '平顶山市交通运输局', '410400'],
      ['luohe', '漯河市交通运输局', '411100'],
      ['puyang', '濮阳市交通运输局', '410900'],
    ] as const
  ).map(([clientId, name, region]) => ({
    clientId,
    name,
    kind: 'integrator' as const,
    region,
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  })),
  // Beijing's transport commission: registers commuter-bus operators, submits commitments and breaches, reads grades and tiers;
  // its admin closes the cycle (seed 004 案例1, 京津冀通勤定制快巴).
  {
    clientId: 'beijing',
    name: '北京市交通委员会',
    kind: 'integrator',
    region: '110000',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  { clientId: 'beijing-regulator', name: '北京市交通委员会（管理）', kind: 'admin', region: '110000', scopes: ['admin'] },
  // Fujian's transport department: assessor units' scores, accidents and bid awards in, grades out (seed 004 案例11).
  {
    clientId: 'fujian',
    name: '福建省交通运输厅',
    kind: 'integrator',
    region: '350000',
    scopes: ['records:write', 'records:read', 'evaluations:read'],
  },
  // Sichuan's road transport bureau: registers carriers, vehicles and drivers, submits violations, reads risk portraits;
  // its admin client re-weights the portrait by uploading a scheme version (seed 004 案例15).
  {
    clientId: 'sichuan',
    name: '四川省交通运输厅道路运输管理局',
    kind: 'integrator',
    region: '510000',
    scopes: ['records:write', 'records:read', 'evaluations:read'],
  },
  { clientId: 'sichuan-regulator', name: '四川省交通运输厅（管理）', kind: 'admin', region: '510000', scopes: ['admin'] },
  // Taicang MSA: registers vessels, submits port calls and inspections, screens its green list (seed 003 太仓).
  {
    clientId: 'taicang',
    name: '太仓海事局',
    kind: 'integrator',
    region: '320585',
    scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'],
  },
  // Water and Jiangsu seed systems (issue 17): each region's bureau as an integrator, and its regulator to close cycles (rankings are per region).
  ...(
    [
      ['zhejiang', '330000', '浙江省交通运输厅（内河船舶）'],
      ['guangxi', '450000', '广西壮族自治区交通运输厅（长洲船闸）'],
      ['yangtze', '420000', '交通运输部长江航务管理局（信用长江）'],
      ['jiangsu', '320000', '江苏省交通运输厅'],
    ] as const
  ).flatMap(([clientId, region, name]) => [
    { clientId, name, kind: 'integrator' as const, region, scopes: ['records:write', 'records:read', 'evaluations:read', 'measures:decide'] },
    { clientId: `${clientId}-regulator`, name: `${name}（管理）`, kind: 'admin' as const, region, scopes: ['admin'] },
  ]),
  // Suzhou: an integrator for the city's road transport enterprises (registers them, submits records, opens their grade
  // appeals) and the city's transport bureau, owner of suzhou-road-transport-safety, deciding the appeals (seed 004 苏州).
  { clientId: 'suzhou', name: '苏州市交通运输局', kind: 'integrator', region: '320500', scopes: ['records:write', 'records:read', 'evaluations:read'] },
  { clientId: 'suzhou-regulator', name: '苏州市交通运输局（管理）', kind: 'admin', region: '320500', scopes: ['admin'] },
  // Zhengzhou's transport bureau as the owner of zhengzhou-taxi-driver-stars: closes its yearly cycles (seed 002 案例9 "亮星").
  { clientId: 'zhengzhou-regulator', name: '郑州市交通运输局（管理）', kind: 'admin', region: '410100', scopes: ['admin'] },
  // Henan's vehicle monitoring platform: posts positions and gantry passages for route conformance (issue 18 item 8).
  { clientId: 'henan-positions', name: '河南省道路运输车辆动态监控平台', kind: 'integrator', region: '410000', scopes: ['permits:write'] },
  // Zhengzhou's oversize-transport permit window (超限运输许可): accepts applications and asks joint measures about the credit path (issue 18).
  {
    clientId: 'zhengzhou-permits',
    name: '郑州市超限运输许可窗口',
    kind: 'integrator',
    region: '410100',
    scopes: ['permits:write', 'measures:decide', 'records:write', 'records:read'],
  },
  // Zhengzhou's law-enforcement detachment at its oversize checkpoints (入口称重, 出口核查): checks vehicles against their permits (issue 18 item 7).
  { clientId: 'zhengzhou-checkpoint', name: '郑州市交通运输综合行政执法支队', kind: 'integrator', region: '410100', scopes: ['permits:write'] },
  // Hubei's transport department as a partner province: approves or refuses cross-province oversize permits whose route crosses it (issue 18 item 5).
  { clientId: 'hubei-partner', name: '湖北省交通运输厅', kind: 'partner', region: '420000', scopes: ['exchange:read', 'exchange:write'] },
  // Hubei's own permit office, on Hubei's deployment: answers Henan's cross-province applications through it (ADR 0080).
  { clientId: 'hubei-permits', name: '湖北省交通运输厅（大件许可）', kind: 'integrator', region: '420000', scopes: ['permits:write'] },
  // The same office below province level (Wuhan): may not answer for the province.
  { clientId: 'wuhan-permits', name: '武汉市交通运输局（大件许可）', kind: 'integrator', region: '420100', scopes: ['permits:write'] },
];

export interface RunningPlatform {
  gatewayUrl: string;
  ports: Record<string, ServicePorts>;
  db: TestDatabase;
  clients: Record<string, DemoClient>;
  signingKeyPem: string;
  /** The gateway's internal identity key pair (ADR 0073): what a test signs a principal with to call a service directly. */
  internalIdentity: InternalIdentityKeys;
  otlp: OtlpReceiver;
  processes: Record<string, ChildProcess>;
  logs: string[];
  /** NATS_SUBJECT_PREFIX of this platform (publish with `new MessagingNamespace(natsPrefix)`). */
  natsPrefix: string;
  token(clientId: string): Promise<string>;
  /** Starts an app again with the same environment (after a kill) and waits until it is ready. */
  restart(app: string): Promise<void>;
  /** Stops one app (SIGTERM, as an operator would), keeping its database and ports for `restart`. */
  halt(app: string): Promise<void>;
  /** SIGTERM every process; returns exit codes. */
  stop(): Promise<Record<string, number | null>>;
}

/**
 * A port nothing listens on, chosen below the kernel's ephemeral range (32768–60999 on Linux):
 * a port the kernel hands out for listen(0) can be taken again by any outgoing connection (a
 * database or NATS client) before the service binds it, which made e2e suites fail with
 * EADDRINUSE now and then. Jest workers choose at random, so they rarely meet; startPlatform
 * retries when they do.
 */
const chosenPorts = new Set<number>();
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (chosenPorts.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      chosenPorts.add(port);
      return port;
    }
  }
}

/**
 * The environment of a second, partner deployment beside the first (issue 20 item 7): its own
 * province (PLATFORM_PROVINCE) and issuer, so its pages and tokens are told apart from the first's.
 * Ports, database and NATS namespace are a platform's own anyway (every startPlatform call).
 */
export function provinceEnv(province: string): Record<string, string> {
  return { PLATFORM_PROVINCE: province, GATEWAY_ISSUER: `transport-credit-gateway-${province}` };
}

/**
 * Starts real service processes from dist/ (built by `npm test` before this tier) on free
 * ports, against a private database clone and a private NATS namespace, exporting spans to
 * an in-memory OTLP receiver.
 */
export async function startPlatform(
  apps: string[] = Object.keys(SERVICES),
  extraEnv: Record<string, string> = {},
  options: PlatformOptions = {},
): Promise<RunningPlatform> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPlatformOnce(apps, extraEnv, options);
    } catch (error) {
      // Another suite's platform took a chosen port first: choose again.
      if (attempt >= 3 || !(error as Error).message.includes('EADDRINUSE')) throw error;
    }
  }
}

export interface PlatformOptions {
  /**
   * The platform's database (dropped by `stop`). Default: a clone of the template on the shared
   * server; the fault tier gives one on a PostgreSQL cluster of its own, which it restarts.
   */
  database?: () => Promise<TestDatabase>;
}

async function startPlatformOnce(apps: string[], extraEnv: Record<string, string>, options: PlatformOptions): Promise<RunningPlatform> {
  const db = await (options.database ?? (() => cloneTestDatabase('e2e')))();
  const otlp = new OtlpReceiver();
  const otlpUrl = await otlp.start();
  const dir = mkdtempSync(join(tmpdir(), 'tcp-e2e-'));
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signingKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  writeFileSync(join(dir, 'key.pem'), signingKeyPem);
  const internalIdentity = ensureInternalIdentityKeys(dir);
  const clients = Object.fromEntries(TEST_CLIENTS.map((c) => [c.clientId, { ...c, clientSecret: randomBytes(18).toString('base64url') }]));
  writeFileSync(join(dir, 'clients.json'), JSON.stringify({ clients: Object.values(clients) }));
  const ports: Record<string, ServicePorts> = {};
  for (const app of Object.keys(SERVICES)) ports[app] = { http: await freePort(), grpc: await freePort() };
  const prefix = `e${randomBytes(4).toString('hex')}`;
  const common = {
    NATS_SUBJECT_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl,
    OTEL_BSP_SCHEDULE_DELAY: '100',
    GATEWAY_JWT_PRIVATE_KEY_FILE: join(dir, 'key.pem'),
    GATEWAY_CLIENTS_SEED_FILE: join(dir, 'clients.json'),
    NODE_ENV: 'test',
    ...extraEnv,
  };
  const logs: string[] = [];
  const processes: Record<string, ChildProcess> = {};
  const envs: Record<string, Record<string, string>> = {};
  const launch = (app: string) => {
    processes[app] = spawnService(app, envs[app], { onLine: (name, line) => logs.push(`${name}: ${line}`) });
  };
  for (const app of apps) {
    envs[app] = serviceEnv(app, { adminUrl: db.adminUrl, natsUrl: TEST_NATS_URL, ports, common, internalIdentity });
    launch(app);
  }
  try {
    await Promise.all(apps.map((app) => waitReady(app, ports[app].http, processes[app], 90_000)));
  } catch (error) {
    await Promise.all(Object.values(processes).map((p) => stop(p, 2000)));
    // Nothing of a platform that did not start stays open: jest would wait for it forever.
    await otlp.stop();
    await db.drop();
    throw new Error(`${(error as Error).message}\n${logs.slice(-30).join('\n')}`);
  }
  const gatewayUrl = `http://127.0.0.1:${ports.gateway.http}`;
  return {
    gatewayUrl,
    ports,
    db,
    clients,
    signingKeyPem,
    internalIdentity,
    otlp,
    processes,
    logs,
    natsPrefix: prefix,
    async token(clientId) {
      const client = clients[clientId];
      const response = await fetch(`${gatewayUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
      });
      if (response.status !== 200) throw new Error(`token for ${clientId}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
    async restart(app) {
      launch(app);
      await waitReady(app, ports[app].http, processes[app], 90_000);
    },
    async halt(app) {
      await stop(processes[app]);
    },
    async stop() {
      const codes = Object.fromEntries(await Promise.all(Object.entries(processes).map(async ([app, p]) => [app, await stop(p)] as const)));
      await otlp.stop();
      const handles = await connectJetStream(TEST_NATS_URL, 'e2e-cleanup');
      await deleteStreams(handles.jsm, new MessagingNamespace(prefix));
      await handles.nc.close();
      await db.drop();
      return codes;
    },
  };
}
