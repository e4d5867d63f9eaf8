// Offline checks of the deployment artefacts (k8s/ and deploy/docker/): every YAML parses, every
// kustomization is one kustomize v2.0.3 (Debian's kubectl 1.20) can build, every built-in object
// validates against the Kubernetes API schemas (kubernetes-models), custom resources have the
// right shape, and the platform's deployment invariants hold in the base and in each overlay.
// Run: npx jest test/k8s   (K8S_MANIFESTS_DIR=<dir> checks another copy of k8s/, e.g. a mutated one;
// KUBECTL_1_20=<path to Debian's kubectl 1.20> also compares the renderer with real kustomize).
/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped data */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import type { JetStreamManager } from '@nats-io/jetstream';
import { ensureStreams, MessagingNamespace } from '@platform/messaging';
import { SERVICE_CONFIG_SCHEMAS } from '../support/service-schemas';
import { build, MODELLED_FIELDS, NOT_IN_V2, objectId, readKustomization, referencedFiles, Rendered } from './kustomize-v2';

const ROOT = resolve(__dirname, '..', '..');
const K8S = resolve(process.env.K8S_MANIFESTS_DIR ?? join(ROOT, 'k8s'));
const rel = (path: string) => relative(K8S, path) || '.';

/** The platform's services: HTTP port (probes, metrics; the gateway's API) and gRPC port; schema = database role. */
const APPS: Record<string, { http: number; grpc: number; role: string }> = {
  gateway: { http: 8080, grpc: 50051, role: 'gateway' },
  collection: { http: 8081, grpc: 50052, role: 'collection' },
  evaluation: { http: 8082, grpc: 50053, role: 'evaluation' },
  'joint-measures': { http: 8083, grpc: 50054, role: 'joint_measures' },
  repair: { http: 8084, grpc: 50055, role: 'repair' },
  disclosure: { http: 8085, grpc: 50056, role: 'disclosure' },
  permits: { http: 8086, grpc: 50057, role: 'permits' },
};
const APP_NAMES = Object.keys(APPS);
const BACKENDS = APP_NAMES.filter((a) => a !== 'gateway');
const envName = (app: string) => app.toUpperCase().replace(/-/g, '_');
/** Replica floor per overlay (Deployment replicas, or the HPA's minReplicas for the gateway). */
const EXPECTED_REPLICAS: Record<'base' | 'dev' | 'prod', (app: string) => number> = {
  base: () => 2,
  dev: () => 1,
  prod: (app) => (['gateway', 'joint-measures', 'disclosure'].includes(app) ? 3 : 2),
};
const PART_OF = { 'app.kubernetes.io/part-of': 'transport-credit' };
/** Each service's configuration schema, as the service loads it at boot (apps/<app>/src/<app>.definition.ts). */
const CONFIG_SCHEMAS: Record<string, { safeParse(env: Record<string, string>): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }> =
  SERVICE_CONFIG_SCHEMAS;
/** Custom resources are checked by shape (no model ships for them). */
const CUSTOM_KINDS = new Set(['postgresql.cnpg.io/v1 Cluster']);

// ---------------------------------------------------------------------------------------------
// Loading

function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(entry) ? [path] : [];
  });
}

const yamlFiles = yamlFilesUnder(K8S).sort();
const kustomizationFiles = yamlFiles.filter((f) => f.endsWith('/kustomization.yaml'));

interface Tree {
  readonly name: string;
  readonly dir: string;
  readonly objects: Rendered[];
  readonly error?: string;
}

function render(name: string, dir: string): Tree {
  try {
    return { name, dir, objects: build(dir, K8S) };
  } catch (error) {
    return { name, dir, objects: [], error: (error as Error).message };
  }
}

const base = render('base', join(K8S, 'base'));
const overlays = { dev: render('dev', join(K8S, 'overlays', 'dev')), prod: render('prod', join(K8S, 'overlays', 'prod')) };
const standalone = [...APP_NAMES, 'infrastructure'].map((app) => render(`base/${app}`, join(K8S, 'base', app)));
const deployedTrees: Tree[] = [base, overlays.dev, overlays.prod];
const allTrees: Tree[] = [...deployedTrees, ...standalone];

// ---------------------------------------------------------------------------------------------
// Helpers over rendered objects

const find = (tree: Tree, kind: string, name: string) => tree.objects.find((o) => o.kind === kind && o.metadata.name === name);
const podSpecOf = (o: any) => (o.kind === 'CronJob' ? o.spec?.jobTemplate?.spec?.template?.spec : o.spec?.template?.spec);
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];
const LONG_RUNNING = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];
const workloads = (tree: Tree) => tree.objects.filter((o) => WORKLOAD_KINDS.includes(o.kind));
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
const containerOf = (workload: any, name?: string) => {
  const containers = podSpecOf(workload)?.containers ?? [];
  return name ? containers.find((c: any) => c.name === name) : containers[0];
};
const envVar = (container: any, name: string) => (container?.env ?? []).find((e: any) => e.name === name);
const secretRef = (container: any, name: string) => envVar(container, name)?.valueFrom?.secretKeyRef;
const hpaFor = (tree: Tree, deployment: string) =>
  tree.objects.find(
    (o) => o.kind === 'HorizontalPodAutoscaler' && o.spec?.scaleTargetRef?.kind === 'Deployment' && o.spec?.scaleTargetRef?.name === deployment,
  );
const replicaFloor = (tree: Tree, app: string): number | undefined => {
  const hpa = hpaFor(tree, app);
  if (hpa) return hpa.spec.minReplicas ?? 1;
  return find(tree, 'Deployment', app)?.spec?.replicas;
};
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const bytes = (q: string) => {
  const [, n, unit = ''] = /^([0-9.]+)([A-Za-z]*)$/.exec(q) ?? [];
  const factor: Record<string, number> = { '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 };
  return Number(n) * (factor[unit] ?? NaN);
};
const millicores = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);

// ---------------------------------------------------------------------------------------------

describe('k8s/ files', () => {
  it('has the base, the infrastructure, one folder per app and the dev and prod overlays', () => {
    const expected = ['base', 'base/infrastructure', ...APP_NAMES.map((a) => `base/${a}`), 'overlays/dev', 'overlays/prod'];
    const missing = expected.filter((dir) => !existsSync(join(K8S, dir, 'kustomization.yaml')));
    expect(missing).toEqual([]);
  });

  it.each(yamlFiles.map((f) => [rel(f), f]))('%s parses as YAML (every document)', (_name, file) => {
    const documents = parseAllDocuments(readFileSync(file, 'utf8'));
    const list = Array.isArray(documents) ? documents : [documents];
    expect(list.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.message))).toEqual([]);
    const objects = list.map((d) => d.toJS()).filter((d) => d != null);
    expect(objects.length).toBeGreaterThan(0);
    if (!file.endsWith('/kustomization.yaml')) {
      for (const o of objects) expect([o.apiVersion, o.kind, o.metadata?.name].every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
    }
  });

  it('has no YAML file that no kustomization names (it would never be applied nor checked)', () => {
    const referenced = new Set(kustomizationFiles.flatMap((k) => referencedFiles(dirname(k))));
    const roots = [
      join(K8S, 'observability', 'kustomization.yaml'),
      join(K8S, 'base', 'kustomization.yaml'),
      join(K8S, 'overlays', 'dev', 'kustomization.yaml'),
      join(K8S, 'overlays', 'prod', 'kustomization.yaml'),
    ];
    const orphans = yamlFiles.filter((f) => !referenced.has(f) && !roots.includes(f)).map(rel);
    expect(orphans).toEqual([]);
  });
});

describe('kustomizations (kustomize v2.0.3, as in Debian kubectl 1.20)', () => {
  const dirs = kustomizationFiles.map((f) => [rel(dirname(f)), dirname(f)]);

  it.each(dirs)('%s uses only fields v2.0.3 knows and this test renders', (_name, dir) => {
    const fields = Object.keys(readKustomization(dir));
    expect(fields.filter((f) => (NOT_IN_V2 as readonly string[]).includes(f))).toEqual([]);
    expect(fields.filter((f) => !(MODELLED_FIELDS as readonly string[]).includes(f))).toEqual([]);
  });

  it.each(dirs)('%s names only files and folders that exist, of the right sort', (_name, dir) => {
    const k = readKustomization(dir);
    const problems = [
      ...(k.resources ?? []).filter((r) => !existsSync(resolve(dir, r)) || !statSync(resolve(dir, r)).isFile()).map((r) => `resources: ${r} is not a file`),
      ...(k.bases ?? []).filter((b) => !existsSync(join(resolve(dir, b), 'kustomization.yaml'))).map((b) => `bases: ${b} has no kustomization.yaml`),
      ...(k.patchesStrategicMerge ?? [])
        .filter((p) => !existsSync(resolve(dir, p)) || !statSync(resolve(dir, p)).isFile())
        .map((p) => `patchesStrategicMerge: ${p} is not a file`),
    ];
    expect(problems).toEqual([]);
  });

  it.each(['dev', 'prod'])('overlay %s builds on the base through `bases:` and adds no commonLabels', (overlay) => {
    const dir = join(K8S, 'overlays', overlay);
    const k = readKustomization(dir);
    expect(k.bases ?? []).toContain('../../base');
    for (const resource of k.resources ?? []) expect(statSync(resolve(dir, resource)).isDirectory()).toBe(false);
    // Labels added here would change the (immutable) selectors the base already set in the cluster.
    expect(k.commonLabels).toBeUndefined();
  });

  it('k8s/base lists the infrastructure and every app under bases:', () => {
    const k = readKustomization(join(K8S, 'base'));
    expect([...(k.bases ?? [])].sort()).toEqual(['infrastructure', ...APP_NAMES].sort());
    expect(k.commonLabels).toEqual(PART_OF);
  });

  it.each([...APP_NAMES, 'infrastructure'])('base/%s carries the same commonLabels as k8s/base (identical selectors alone or together)', (app) => {
    expect(readKustomization(join(K8S, 'base', app)).commonLabels).toEqual(readKustomization(join(K8S, 'base')).commonLabels);
  });

  it.each(allTrees.map((t) => [t.name, t]))('%s builds', (_name, tree) => {
    expect(tree.error).toBeUndefined();
    expect(tree.objects.length).toBeGreaterThan(0);
  });

  it.each(standalone.map((t) => [t.name, t]))('%s alone renders exactly what k8s/base renders for it', (_name, tree) => {
    const differences = tree.objects
      .filter((o) => JSON.stringify(canonical(o)) !== JSON.stringify(canonical(find(base, o.kind, o.metadata.name))))
      .map(objectId);
    expect(differences).toEqual([]);
  });
});

describe('API schemas (kubernetes-models) and custom resource shapes', () => {
  let results: Map<Rendered, { status: string; errors?: string }>;

  beforeAll(() => {
    const objects = allTrees.flatMap((t) => t.objects);
    const output = execFileSync(process.execPath, [join(__dirname, 'validate-models.mjs')], {
      cwd: ROOT,
      input: JSON.stringify(objects),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const list = JSON.parse(output) as { status: string; errors?: string }[];
    results = new Map(objects.map((o, i) => [o, list[i]]));
  });

  it.each(allTrees.map((t) => [t.name, t]))('every built-in object of %s validates, and every other kind is a known custom resource', (_name, tree) => {
    const problems = tree.objects.flatMap((o) => {
      const result = results.get(o);
      if (result?.status === 'valid') return [];
      if (result?.status === 'unknown-kind' && CUSTOM_KINDS.has(`${o.apiVersion} ${o.kind}`)) return [];
      return [`${o.apiVersion} ${objectId(o)} (${o.__source}): ${result?.status} ${result?.errors ?? ''}`.trim()];
    });
    expect(problems).toEqual([]);
  });

  it('a broken object is reported invalid (the validator is live)', () => {
    const broken = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { selector: {}, template: { spec: { containers: [{ name: 'x', ports: [{ containerPort: 'http' }] }] } } },
    };
    const output = execFileSync(process.execPath, [join(__dirname, 'validate-models.mjs')], { cwd: ROOT, input: JSON.stringify([broken]), encoding: 'utf8' });
    expect(JSON.parse(output)[0].status).toBe('invalid');
  });

  describe.each(deployedTrees.map((t) => [t.name, t]))('PostgreSQL (CloudNativePG Cluster) in %s', (name, tree) => {
    const cluster = () => tree.objects.find((o) => o.apiVersion === 'postgresql.cnpg.io/v1' && o.kind === 'Cluster') as any;

    it('is a Cluster with enough instances and storage', () => {
      const spec = cluster()?.spec;
      expect(spec).toBeDefined();
      expect(Number.isInteger(spec.instances)).toBe(true);
      expect(spec.instances).toBeGreaterThanOrEqual(name === 'dev' ? 1 : 3);
      expect(spec.storage?.size).toMatch(QUANTITY);
      expect(spec.bootstrap?.initdb?.database).toBe('transport_credit');
    });

    it('declares one login role per service, with its password from Secret <app>-db', () => {
      const roles = cluster()?.spec?.managed?.roles ?? [];
      for (const [app, { role }] of Object.entries(APPS)) {
        expect(roles).toContainEqual(expect.objectContaining({ name: role, ensure: 'present', login: true, passwordSecret: { name: `${app}-db` } }));
      }
    });
  });

  describe.each(deployedTrees.map((t) => [t.name, t]))('NATS JetStream in %s', (_name, tree) => {
    const statefulSet = () => find(tree, 'StatefulSet', 'nats') as any;

    it('is a 3-node StatefulSet behind a headless Service', () => {
      const sts = statefulSet();
      expect(sts?.spec?.replicas).toBe(3);
      const headless = find(tree, 'Service', sts?.spec?.serviceName) as any;
      expect(headless?.spec?.clusterIP).toBe('None');
      expect(selects(headless?.spec?.selector, sts?.spec?.template?.metadata?.labels)).toBe(true);
      const ports = (containerOf(sts)?.ports ?? []).map((p: any) => p.containerPort);
      expect(ports).toEqual(expect.arrayContaining([4222, 6222, 8222]));
      expect(sts?.spec?.volumeClaimTemplates?.[0]?.spec?.resources?.requests?.storage).toMatch(QUANTITY);
    });

    it('runs nats.conf from a ConfigMap with JetStream and a route to every peer', () => {
      const sts = statefulSet();
      const configMapName = (podSpecOf(sts)?.volumes ?? []).find((v: any) => v.configMap)?.configMap?.name;
      const conf: string = (find(tree, 'ConfigMap', configMapName) as any)?.data?.['nats.conf'] ?? '';
      expect(conf).toMatch(/^\s*jetstream\s*\{[^}]*store_dir/m);
      expect(conf).toMatch(/^\s*cluster\s*\{/m);
      for (let i = 0; i < (sts?.spec?.replicas ?? 0); i++) expect(conf).toContain(`nats://nats-${i}.${sts.spec.serviceName}:6222`);
      const conffile = containerOf(sts)?.args?.join(' ') ?? '';
      const mount = containerOf(sts)?.volumeMounts?.find((m: any) => podSpecOf(sts).volumes.find((v: any) => v.name === m.name)?.configMap);
      expect(conffile).toContain(`${mount?.mountPath}/nats.conf`);
    });

    it('gives the services a client Service on 4222', () => {
      const service = find(tree, 'Service', 'nats') as any;
      expect(service?.spec?.ports?.map((p: any) => p.port)).toContain(4222);
      expect(selects(service?.spec?.selector, statefulSet()?.spec?.template?.metadata?.labels)).toBe(true);
    });
  });

  describe.each(deployedTrees.map((t) => [t.name, t]))('OpenTelemetry collector in %s', (_name, tree) => {
    it('receives OTLP and exports traces to the log (debug) and over OTLP', () => {
      const deployment = find(tree, 'Deployment', 'otel-collector') as any;
      const configMapName = (podSpecOf(deployment)?.volumes ?? []).find((v: any) => v.configMap)?.configMap?.name;
      const config = parseYaml((find(tree, 'ConfigMap', configMapName) as any)?.data?.['config.yaml'] ?? '') as any;
      expect(Object.keys(config?.receivers?.otlp?.protocols ?? {})).toEqual(expect.arrayContaining(['grpc', 'http']));
      const traces = config?.service?.pipelines?.traces;
      expect(traces?.receivers).toContain('otlp');
      expect(traces?.exporters).toContain('otlp');
      expect(traces?.exporters?.some((e: string) => e === 'debug' || e === 'logging')).toBe(true);
      for (const exporter of traces?.exporters ?? []) expect(config.exporters).toHaveProperty([exporter]);
      const service = find(tree, 'Service', 'otel-collector') as any;
      expect(service?.spec?.ports?.map((p: any) => p.port)).toEqual(expect.arrayContaining([4317, 4318]));
      expect(selects(service?.spec?.selector, deployment?.spec?.template?.metadata?.labels)).toBe(true);
    });
  });
});

describe.each(deployedTrees.map((t) => [t.name, t]))('every container in %s', (_name, tree) => {
  const each = (check: (workload: any, container: any, podSpec: any, init: boolean) => string | undefined) =>
    workloads(tree).flatMap((w) => {
      const podSpec = podSpecOf(w) ?? {};
      const containers = [...(podSpec.initContainers ?? []).map((c: any) => [c, true]), ...(podSpec.containers ?? []).map((c: any) => [c, false])];
      return containers
        .map(([c, init]) => check(w, c, podSpec, init))
        .filter(Boolean)
        .map((m) => `${objectId(w)} ${m}`);
    });

  it('of a long-running workload has a liveness and a readiness probe, on a port it declares', () =>
    expect(
      each((w, c, _pod, init) => {
        if (!LONG_RUNNING.includes(w.kind) || init) return undefined;
        if (!c.livenessProbe || !c.readinessProbe) return `${c.name}: liveness and readiness probes required`;
        const ports = c.ports ?? [];
        for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe].filter(Boolean)) {
          const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
          if (port !== undefined && !ports.some((p: any) => p.name === port || p.containerPort === port))
            return `${c.name}: probe port ${port} is not a container port`;
        }
        return undefined;
      }),
    ).toEqual([]));

  it('has cpu and memory requests and limits, requests within limits', () =>
    expect(
      each((_w, c) => {
        const r = c.resources ?? {};
        for (const kind of ['requests', 'limits'])
          for (const res of ['cpu', 'memory']) if (!QUANTITY.test(String(r[kind]?.[res] ?? ''))) return `${c.name}: resources.${kind}.${res} missing`;
        if (millicores(String(r.requests.cpu)) > millicores(String(r.limits.cpu))) return `${c.name}: cpu request above limit`;
        if (bytes(r.requests.memory) > bytes(r.limits.memory)) return `${c.name}: memory request above limit`;
        return undefined;
      }),
    ).toEqual([]));

  it('runs as non-root, read-only, without privilege escalation and with every capability dropped', () =>
    expect(
      each((_w, c, pod) => {
        const sc = c.securityContext ?? {};
        const nonRoot = sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
        const uid = sc.runAsUser ?? pod.securityContext?.runAsUser;
        if (nonRoot !== true || uid === 0) return `${c.name}: runAsNonRoot`;
        if (sc.readOnlyRootFilesystem !== true) return `${c.name}: readOnlyRootFilesystem`;
        if (sc.allowPrivilegeEscalation !== false) return `${c.name}: allowPrivilegeEscalation`;
        if (!(sc.capabilities?.drop ?? []).includes('ALL')) return `${c.name}: capabilities.drop ALL`;
        return undefined;
      }),
    ).toEqual([]));

  it('keeps the image telemetry preload: nothing sets NODE_OPTIONS', () => {
    const inEnv = each((_w, c) => ((c.env ?? []).some((e: any) => e.name === 'NODE_OPTIONS') ? `${c.name}: env NODE_OPTIONS` : undefined));
    const inConfigMaps = tree.objects.filter((o) => o.kind === 'ConfigMap' && o.data && 'NODE_OPTIONS' in o.data).map(objectId);
    expect([...inEnv, ...inConfigMaps]).toEqual([]);
  });

  // `command:` replaces the image's ENTRYPOINT: in our images tini would no longer be PID 1, node
  // would be, and the kernel drops signals PID 1 has no handler for (SIGTERM during boot is lost,
  // the pod then waits out the grace period and is killed). Third-party images (nats, nats-box)
  // exec their arguments from their entrypoint too, so one rule holds for every container.
  it("keeps the image's entrypoint: no container sets command (only args)", () =>
    expect(
      each((_w, c) => (c.command !== undefined ? `${c.name}: command ${JSON.stringify(c.command)} replaces the image's ENTRYPOINT; use args` : undefined)),
    ).toEqual([]));

  it('of a platform service uses an image tag an overlay can set (transport-credit/<app>)', () => {
    expect(
      each((w, c) => {
        const app = w.metadata.labels?.['app.kubernetes.io/name'];
        return APPS[app] && !String(c.image).startsWith(`transport-credit/${app}:`) ? `${c.name}: image ${c.image}` : undefined;
      }),
    ).toEqual([]);
  });
});

/**
 * Where the file an environment variable names comes from: the volume mounted over its directory
 * in `container`, and the key of the Secret or ConfigMap projected to that file name.
 */
function mountedFrom(deployment: any, container: any, file: string | undefined): { secret?: string; configMap?: string; key?: string } | undefined {
  if (!file) return undefined;
  const mount = (container?.volumeMounts ?? []).find((m: any) => file.startsWith(`${m.mountPath}/`));
  const volume = (podSpecOf(deployment)?.volumes ?? []).find((v: any) => v.name === mount?.name);
  const source = volume?.secret ?? volume?.configMap;
  if (!mount || !source) return undefined;
  const fileName = file.slice(mount.mountPath.length + 1);
  const key = (source.items ?? [{ key: fileName, path: fileName }]).find((i: any) => i.path === fileName)?.key;
  return volume.secret ? { secret: volume.secret.secretName, key } : { configMap: volume.configMap.name, key };
}

describe.each(deployedTrees.map((t) => [t.name, t]))('services in %s', (treeName, tree) => {
  describe.each(APP_NAMES)('%s', (app) => {
    const { http, grpc } = APPS[app];
    const deployment = () => find(tree, 'Deployment', app) as any;
    const container = () => containerOf(deployment(), app);
    const configMap = () => find(tree, 'ConfigMap', `${app}-config`) as any;
    const job = () => find(tree, 'Job', `${app}-migrate`) as any;

    it('has a Deployment, a Service, a PodDisruptionBudget, a migration Job and a ConfigMap', () => {
      const present = [
        ['Deployment', app],
        ['Service', app],
        ['PodDisruptionBudget', app],
        ['Job', `${app}-migrate`],
        ['ConfigMap', `${app}-config`],
      ].filter(([kind, name]) => find(tree, kind, name));
      expect(present.map(([kind]) => kind)).toEqual(['Deployment', 'Service', 'PodDisruptionBudget', 'Job', 'ConfigMap']);
      for (const [kind, name] of present) {
        expect(find(tree, kind, name)?.metadata.labels).toEqual(expect.objectContaining({ 'app.kubernetes.io/name': app, ...PART_OF }));
      }
    });

    it(`serves HTTP on ${http} (named http) and gRPC on ${grpc} (named grpc), in the Deployment, the Service and the ConfigMap`, () => {
      expect(container()?.ports).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'http', containerPort: http }),
          expect.objectContaining({ name: 'grpc', containerPort: grpc }),
        ]),
      );
      expect(container()?.ports).toHaveLength(2);
      const ports = (find(tree, 'Service', app) as any)?.spec?.ports ?? [];
      expect(ports).toHaveLength(2);
      expect(ports.find((p: any) => p.name === 'http')).toEqual(expect.objectContaining({ port: http }));
      expect(ports.find((p: any) => p.name === 'grpc')).toEqual(expect.objectContaining({ port: grpc }));
      for (const p of ports) expect([p.name, p.port]).toContain(p.targetPort);
      expect(configMap()?.data).toEqual(expect.objectContaining({ HTTP_PORT: String(http), GRPC_PORT: String(grpc) }));
      expect(deployment()?.spec?.template?.metadata?.annotations?.['prometheus.io/port']).toBe(String(http));
    });

    it('probes /health/live and /health/ready on the HTTP port', () => {
      const c = container();
      for (const [probe, path] of [
        ['livenessProbe', '/health/live'],
        ['readinessProbe', '/health/ready'],
      ]) {
        expect(c?.[probe]?.httpGet?.path).toBe(path);
        expect(['http', http]).toContain(c?.[probe]?.httpGet?.port);
      }
    });

    it("starts the compiled main.js under the image's tini, drains on SIGTERM within the grace period", () => {
      expect(container()?.args).toEqual(['node', `dist/apps/${app}/src/main.js`]);
      const pod = podSpecOf(deployment());
      expect(pod?.terminationGracePeriodSeconds).toBe(30);
      expect(container()?.lifecycle?.preStop?.exec?.command).toEqual(['sleep', '5']);
      const drainMs = Number(configMap()?.data?.SHUTDOWN_GRACE_MS ?? 10_000);
      expect(drainMs + 5_000).toBeLessThanOrEqual(pod.terminationGracePeriodSeconds * 1000);
    });

    it('selects only its serving pods: the Service and the PDB never pick the migration pods', () => {
      const podLabels = deployment()?.spec?.template?.metadata?.labels;
      const jobPodLabels = job()?.spec?.template?.metadata?.labels;
      const serviceSelector = (find(tree, 'Service', app) as any)?.spec?.selector;
      const pdbSelector = (find(tree, 'PodDisruptionBudget', app) as any)?.spec?.selector?.matchLabels;
      expect(selects(deployment()?.spec?.selector?.matchLabels, podLabels)).toBe(true);
      expect(selects(serviceSelector, podLabels)).toBe(true);
      expect(selects(pdbSelector, podLabels)).toBe(true);
      expect(selects(serviceSelector, jobPodLabels)).toBe(false);
      expect(selects(pdbSelector, jobPodLabels)).toBe(false);
    });

    it(`runs ${EXPECTED_REPLICAS[treeName as 'base'](app)} replica(s) at least, and its PDB lets a node drain`, () => {
      expect(replicaFloor(tree, app)).toBe(EXPECTED_REPLICAS[treeName as 'base'](app));
      const minAvailable = (find(tree, 'PodDisruptionBudget', app) as any)?.spec?.minAvailable;
      if (treeName !== 'dev') expect(minAvailable).toBe(1);
      expect(minAvailable).toBeLessThan(replicaFloor(tree, app) ?? 0);
    });

    it('reads its environment from its ConfigMap and DATABASE_URL from Secret <app>-db', () => {
      const data = configMap()?.data ?? {};
      for (const key of ['NODE_ENV', 'LOG_LEVEL', 'HTTP_PORT', 'GRPC_PORT', 'NATS_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME'])
        expect(data).toHaveProperty([key]);
      expect(data.OTEL_SERVICE_NAME).toBe(app);
      expect(data.DB_MIGRATE_ON_BOOT).toBe('false'); // the Job migrates; pods must not race it
      expect(container()?.envFrom).toContainEqual({ configMapRef: { name: `${app}-config` } });
      expect(secretRef(container(), 'DATABASE_URL')).toEqual({ name: `${app}-db`, key: 'DATABASE_URL' });
    });

    it('points NATS_URL and OTEL_EXPORTER_OTLP_ENDPOINT at Services that exist, on ports they expose', () => {
      for (const key of ['NATS_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT']) {
        const url = new URL(configMap()?.data?.[key] ?? 'invalid://');
        const service = find(tree, 'Service', url.hostname) as any;
        expect([key, service?.spec?.ports?.map((p: any) => p.port)]).toEqual([key, expect.arrayContaining([Number(url.port)])]);
      }
    });

    it('has a migration Job (applied before the rollout) running migrate.js from the same image', () => {
      const j = job();
      expect(j?.metadata?.annotations?.['transport-credit.io/apply-order']).toBe('before-rollout');
      const c = containerOf(j);
      expect(c?.args).toEqual(['node', `dist/apps/${app}/src/migrate.js`]);
      expect(c?.image).toBe(container()?.image);
      expect(c?.envFrom).toContainEqual({ configMapRef: { name: `${app}-config` } });
      expect(secretRef(c, 'DATABASE_URL')).toEqual({ name: `${app}-db`, key: 'DATABASE_URL' });
      expect(secretRef(c, 'DATABASE_ADMIN_URL')).toEqual({ name: 'postgres-admin', key: 'DATABASE_ADMIN_URL' });
      expect(['Never', 'OnFailure']).toContain(podSpecOf(j)?.restartPolicy);
      expect(j?.spec?.backoffLimit).toBeGreaterThanOrEqual(0);
      expect(j?.spec?.activeDeadlineSeconds).toBeGreaterThan(0);
    });

    if (app === 'gateway') {
      it('reaches every backend at <service>:<grpc port> and exposes only its HTTP API through the Ingress', () => {
        for (const backend of BACKENDS) {
          expect([backend, configMap()?.data?.[`${envName(backend)}_GRPC_URL`]]).toEqual([backend, `${backend}:${APPS[backend].grpc}`]);
          expect((find(tree, 'Service', backend) as any)?.spec?.ports).toContainEqual(expect.objectContaining({ name: 'grpc', port: APPS[backend].grpc }));
        }
        const ingresses = tree.objects.filter((o) => o.kind === 'Ingress');
        expect(ingresses.map(objectId)).toEqual(['Ingress/gateway']);
        const backends = (ingresses[0]?.spec?.rules ?? []).flatMap((r: any) => r.http?.paths ?? []).map((p: any) => p.backend?.service);
        expect(backends.length).toBeGreaterThan(0);
        for (const b of backends) expect(b).toEqual({ name: 'gateway', port: { name: 'http' } });
        const paths = (ingresses[0]?.spec?.rules ?? []).flatMap((r: any) => r.http?.paths ?? []).map((p: any) => p.path);
        expect(paths).not.toContain('/'); // probes and /metrics stay inside the cluster
      });

      it('reads its signing key from Secret gateway-signing-key at GATEWAY_JWT_PRIVATE_KEY_FILE', () => {
        expect(mountedFrom(deployment(), container(), configMap()?.data?.GATEWAY_JWT_PRIVATE_KEY_FILE)).toEqual({
          secret: 'gateway-signing-key',
          key: 'private-key.pem',
        });
      });

      it('reads its internal identity key from Secret gateway-internal-identity-key, not the access-token key (ADR 0073)', () => {
        const file = configMap()?.data?.GATEWAY_INTERNAL_IDENTITY_PRIVATE_KEY_FILE;
        expect(mountedFrom(deployment(), container(), file)).toEqual({ secret: 'gateway-internal-identity-key', key: 'private-key.pem' });
        expect(file).not.toBe(configMap()?.data?.GATEWAY_JWT_PRIVATE_KEY_FILE);
      });

      it('signs principals that live longer than its upstream deadline, so permits can pass one on during a call', () => {
        const data = configMap()?.data ?? {};
        const ttlMs = Number(data.INTERNAL_IDENTITY_TTL_SECONDS ?? 30) * 1000;
        expect(ttlMs).toBeGreaterThan(Number(data.GATEWAY_UPSTREAM_DEADLINE_MS ?? 5000));
      });

      it('reads its verification-only keys (rotation, ADR 0082) from optional Secret gateway-verification-keys at GATEWAY_JWT_VERIFICATION_KEYS_DIR', () => {
        const dir: string = configMap()?.data?.GATEWAY_JWT_VERIFICATION_KEYS_DIR ?? '';
        const mount = (container()?.volumeMounts ?? []).find((m: any) => m.mountPath === dir);
        const volume = (podSpecOf(deployment())?.volumes ?? []).find((v: any) => v.name === mount?.name);
        expect(dir).not.toBe('');
        expect(volume?.secret).toEqual(expect.objectContaining({ secretName: 'gateway-verification-keys', optional: true }));
        // Every key of the Secret must reach the directory: an items list would drop keys added at rotation.
        expect(volume?.secret).not.toHaveProperty('items');
      });

      it('is scaled by an autoscaling/v2 HPA, and its Deployment leaves replicas to it', () => {
        const hpa = hpaFor(tree, 'gateway') as any;
        expect(hpa?.apiVersion).toBe('autoscaling/v2');
        expect(hpa?.spec?.maxReplicas).toBeGreaterThan(hpa?.spec?.minReplicas);
        expect(deployment()?.spec).not.toHaveProperty('replicas');
      });
    } else {
      it('has no HPA and no Ingress of its own', () => {
        expect(hpaFor(tree, app)).toBeUndefined();
        expect(tree.objects.filter((o) => o.kind === 'Ingress' && o.metadata.name === app)).toEqual([]);
      });

      it("verifies principals with the gateway's internal identity public key from ConfigMap internal-identity-public-key (ADR 0073)", () => {
        expect(mountedFrom(deployment(), container(), configMap()?.data?.INTERNAL_IDENTITY_PUBLIC_KEY_FILE)).toEqual({
          configMap: 'internal-identity-public-key',
          key: 'public-key.pem',
        });
        // Never the gateway's private keys: a service holds nothing it could sign a principal with.
        const secrets = (podSpecOf(deployment())?.volumes ?? []).map((v: any) => v.secret?.secretName).filter(Boolean);
        expect(secrets).toEqual([]);
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 22: network policies, service accounts, topology spread, configuration from the schemas, streams.

/** Who calls whom over gRPC: every `<X>_GRPC_URL` in a service's ConfigMap names a callee `host:port`. */
const grpcCallees = (tree: Tree, app: string): string[] =>
  Object.entries((find(tree, 'ConfigMap', `${app}-config`) as any)?.data ?? {})
    .filter(([key]) => key.endsWith('_GRPC_URL'))
    .map(([, value]) => String(value).split(':')[0]);
const grpcCallers = (tree: Tree, app: string) => APP_NAMES.filter((caller) => grpcCallees(tree, caller).includes(app));
const peerApp = (peer: any): string | undefined => peer?.podSelector?.matchLabels?.['app.kubernetes.io/name'];
const portsOf = (rule: any): (string | number)[] => (rule.ports ?? []).map((p: any) => p.port);
/** What a service may reach besides its gRPC callees: PostgreSQL, NATS clients, the collector's OTLP/HTTP. */
const INFRASTRUCTURE_EGRESS: Record<string, number> = { postgres: 5432, nats: 4222, 'otel-collector': 4318 };
const egressTarget = (peer: any): string | undefined => (peer?.podSelector?.matchLabels?.['cnpg.io/cluster'] === 'postgres' ? 'postgres' : peerApp(peer));

describe.each(deployedTrees.map((t) => [t.name, t]))('network policies in %s', (_treeName, tree) => {
  const policy = (name: string) => find(tree, 'NetworkPolicy', name) as any;

  it('deny everything in the namespace by default and let every pod resolve names (DNS, port 53)', () => {
    expect(policy('default-deny')?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const dns = policy('allow-dns')?.spec;
    expect(dns?.podSelector).toEqual({});
    expect(dns?.egress?.flatMap(portsOf)).toEqual([53, 53]);
  });

  it('let only the gateway be reached from outside the namespace on its API, and only through the ingress controller', () => {
    const fromOtherNamespaces = APP_NAMES.flatMap((app) =>
      (policy(app)?.spec?.ingress ?? [])
        .filter((rule: any) =>
          (rule.from ?? []).some((peer: any) => peer.namespaceSelector && peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'] !== 'monitoring'),
        )
        .map(
          (rule: any) =>
            `${app}:${portsOf(rule).join(',')}:${rule.from.map((p: any) => p.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']).join(',')}`,
        ),
    );
    expect(fromOtherNamespaces).toEqual(['gateway:http:ingress-nginx']);
  });

  describe.each(APP_NAMES)('%s', (app) => {
    const spec = () => policy(app)?.spec;

    it('has a NetworkPolicy over its serving pods, for ingress and egress', () => {
      const podLabels = (find(tree, 'Deployment', app) as any)?.spec?.template?.metadata?.labels;
      expect(selects(spec()?.podSelector?.matchLabels, podLabels)).toBe(true);
      expect(spec()?.policyTypes).toEqual(['Ingress', 'Egress']);
    });

    it('accepts gRPC only from the services whose configuration names it, and HTTP only from Prometheus (and, for the gateway, the ingress controller)', () => {
      const rules = spec()?.ingress ?? [];
      const grpcFrom = rules.filter((r: any) => portsOf(r).includes('grpc')).flatMap((r: any) => r.from.map(peerApp));
      expect(grpcFrom.sort()).toEqual(grpcCallers(tree, app).sort());
      for (const rule of rules) expect([portsOf(rule).length > 0, portsOf(rule).every((p) => p === 'grpc' || p === 'http')]).toEqual([true, true]);
      const httpFrom = rules
        .filter((r: any) => portsOf(r).includes('http'))
        .flatMap((r: any) => r.from.map((p: any) => p.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']));
      expect(httpFrom).toEqual(app === 'gateway' ? ['monitoring', 'ingress-nginx'] : ['monitoring']);
    });

    it('reaches only PostgreSQL, NATS, the collector and the services its configuration calls, each on its one port', () => {
      const reached = (spec()?.egress ?? []).flatMap((rule: any) =>
        (rule.to ?? [undefined]).map((peer: any) => `${egressTarget(peer)}:${portsOf(rule).join(',')}`),
      );
      const expected = [
        ...Object.entries(INFRASTRUCTURE_EGRESS).map(([target, port]) => `${target}:${port}`),
        ...grpcCallees(tree, app).map((callee) => `${callee}:${APPS[callee].grpc}`),
      ];
      expect(reached.sort()).toEqual(expected.sort());
    });

    it('lets its migration Job reach only PostgreSQL and the collector, and receive nothing', () => {
      const migrate = policy(`${app}-migrate`)?.spec;
      expect(selects(migrate?.podSelector?.matchLabels, (find(tree, 'Job', `${app}-migrate`) as any)?.spec?.template?.metadata?.labels)).toBe(true);
      expect(migrate?.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(migrate?.ingress ?? []).toEqual([]);
      expect((migrate?.egress ?? []).flatMap((r: any) => r.to.map((p: any) => `${egressTarget(p)}:${portsOf(r).join(',')}`)).sort()).toEqual([
        'otel-collector:4318',
        'postgres:5432',
      ]);
    });

    it('runs under its own ServiceAccount, which mounts no token (Deployment and migration Job)', () => {
      const account = find(tree, 'ServiceAccount', app) as any;
      expect(account?.automountServiceAccountToken).toBe(false);
      for (const workload of [find(tree, 'Deployment', app), find(tree, 'Job', `${app}-migrate`)]) {
        expect(podSpecOf(workload)?.serviceAccountName).toBe(app);
        expect(podSpecOf(workload)?.automountServiceAccountToken).toBe(false);
      }
      // The migration Job runs before the Deployment, from `-l component in (config,identity,migration)`
      // (k8s/README.md, "Deploy (or upgrade) one service alone"): what it needs must be in that step.
      const beforeRollout = ['config', 'identity', 'migration'];
      const needed = [account, find(tree, 'ConfigMap', `${app}-config`), find(tree, 'NetworkPolicy', `${app}-migrate`)];
      expect(needed.map((o: any) => beforeRollout.includes(o?.metadata?.labels?.['app.kubernetes.io/component']))).toEqual([true, true, true]);
    });

    it('spreads its pods over nodes (topologySpreadConstraints on the hostname, selecting its own pods)', () => {
      const deployment = find(tree, 'Deployment', app) as any;
      const spread = podSpecOf(deployment)?.topologySpreadConstraints ?? [];
      expect(spread.map((c: any) => c.topologyKey)).toContain('kubernetes.io/hostname');
      for (const c of spread) {
        expect(c.maxSkew).toBe(1);
        expect(selects(c.labelSelector?.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
      }
    });

    it('sets every variable its configuration schema requires, from its ConfigMap or a Secret reference, with values the schema accepts', () => {
      // Required = what the schema refuses when absent: the issues of parsing an empty environment.
      const required = new Set((CONFIG_SCHEMAS[app].safeParse({}).error?.issues ?? []).map((i) => String(i.path[0])));
      expect(required.size).toBeGreaterThan(0);
      const container = containerOf(find(tree, 'Deployment', app), app);
      const fromConfigMap: Record<string, string> = (find(tree, 'ConfigMap', `${app}-config`) as any)?.data ?? {};
      const fromSecrets = (container?.env ?? []).filter((e: any) => e.valueFrom?.secretKeyRef).map((e: any) => e.name);
      const literal = Object.fromEntries((container?.env ?? []).filter((e: any) => typeof e.value === 'string').map((e: any) => [e.name, e.value]));
      const provided = new Set([...Object.keys(fromConfigMap), ...fromSecrets, ...Object.keys(literal)]);
      expect([...required].filter((v) => !provided.has(v))).toEqual([]);
      for (const name of fromSecrets) expect(secretRef(container, name)?.name).toMatch(/^[a-z0-9-]+$/);
      // The values written in the manifests must pass the schema; Secret values are not in the repository.
      const issues = CONFIG_SCHEMAS[app].safeParse({ ...fromConfigMap, ...literal }).error?.issues ?? [];
      expect(issues.map((i) => String(i.path[0])).filter((v) => !fromSecrets.includes(v))).toEqual([]);
    });
  });

  it('opens PostgreSQL, NATS and the collector to the platform pods only, and NATS routes between its own nodes', () => {
    const partOf = (rule: any) => (rule.from ?? []).some((p: any) => p.podSelector?.matchLabels?.['app.kubernetes.io/part-of'] === 'transport-credit');
    expect(portsOf(policy('postgres').spec.ingress.find(partOf))).toEqual([5432]);
    expect(portsOf(policy('nats').spec.ingress.find(partOf))).toEqual([4222]);
    expect(portsOf(policy('otel-collector').spec.ingress.find(partOf))).toEqual([4317, 4318]);
    expect((policy('nats').spec.egress ?? []).flatMap(portsOf)).toEqual([6222]);
    // CloudNativePG creates the instance pods: they carry part-of only if the Cluster passes it on.
    const cluster = tree.objects.find((o) => o.kind === 'Cluster') as any;
    expect(
      selects(policy('postgres').spec.podSelector.matchLabels, { 'cnpg.io/cluster': cluster.metadata.name, ...cluster.spec.inheritedMetadata?.labels }),
    ).toBe(true);
  });

  it('gives every workload of the namespace a NetworkPolicy that selects it', () => {
    const uncovered = workloads(tree).filter((w) => {
      const labels = podSpecOf(w) ? (w.kind === 'CronJob' ? w.spec.jobTemplate.spec.template.metadata?.labels : w.spec.template.metadata?.labels) : {};
      return !tree.objects.some(
        (o) => o.kind === 'NetworkPolicy' && Object.keys(o.spec.podSelector ?? {}).length > 0 && selects(o.spec.podSelector.matchLabels, labels),
      );
    });
    expect(uncovered.map(objectId)).toEqual([]);
  });
});

describe.each(deployedTrees.map((t) => [t.name, t]))('JetStream streams declared in %s', (treeName, tree) => {
  it('declares, as ensureStreams() does with 3 replicas, every stream the code creates (ConfigMap nats-streams, Job nats-streams)', async () => {
    // What the services declare at start-up (libs/platform/messaging/src/streams.ts), captured from its calls.
    const declared: any[] = [];
    const jsm = { streams: { info: async () => ({}), update: async (_name: string, config: any) => declared.push(config) } } as unknown as JetStreamManager;
    await ensureStreams(jsm, new MessagingNamespace(''), undefined, 3);
    const data: Record<string, string> = (find(tree, 'ConfigMap', 'nats-streams') as any)?.data ?? {};
    const inManifest = Object.entries(data).map(([file, json]) => [file, JSON.parse(json)]);
    expect(inManifest.map(([file, config]) => `${config.name}.json` === file)).not.toContain(false);
    expect(Object.fromEntries(inManifest.map(([, c]) => [c.name, canonical(c)]))).toEqual(Object.fromEntries(declared.map((c) => [c.name, canonical(c)])));
    // Replicas match the NATS cluster, and what the services are told (NATS_STREAM_REPLICAS) agrees.
    const nodes = (find(tree, 'StatefulSet', 'nats') as any)?.spec?.replicas;
    for (const [, c] of inManifest) expect(c.num_replicas).toBe(nodes);
    for (const app of APP_NAMES) expect([app, (find(tree, 'ConfigMap', `${app}-config`) as any)?.data?.NATS_STREAM_REPLICAS]).toEqual([app, String(nodes)]);
    expect(treeName).toBeDefined();
  });

  it('runs the NATS CLI over every file of the ConfigMap, against the nats Service', () => {
    const job = find(tree, 'Job', 'nats-streams') as any;
    const container = containerOf(job);
    const mount = container?.volumeMounts?.find((m: any) => podSpecOf(job).volumes.find((v: any) => v.name === m.name)?.configMap?.name === 'nats-streams');
    expect(container?.args?.join(' ')).toContain(`${mount?.mountPath}/*.json`);
    expect(container?.args?.join(' ')).toMatch(/nats .*stream add/);
    expect(envVar(container, 'NATS_URL')?.value).toBe('nats://nats:4222');
  });
});

describe.each([overlays.dev, overlays.prod].map((t) => [t.name, t]))('images in overlay %s', (_name, tree) => {
  it('every container names an explicit tag or digest, never latest', () => {
    const images = workloads(tree).flatMap((w) =>
      [...(podSpecOf(w)?.initContainers ?? []), ...(podSpecOf(w)?.containers ?? [])].map((c: any) => String(c.image)),
    );
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((image) => !/@sha256:|:[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(image.replace(/^[^/]+:\d+\//, '')) || /:latest$/.test(image))).toEqual([]);
  });
});

describe('overlays', () => {
  const appImages = (tree: Tree) =>
    workloads(tree)
      .filter((w) => APPS[w.metadata.labels?.['app.kubernetes.io/name'] ?? ''])
      .flatMap((w) => (podSpecOf(w)?.containers ?? []).map((c: any) => [objectId(w), c.image as string]));

  it('dev runs every service image with tag dev', () => {
    const images = appImages(overlays.dev);
    expect(images.length).toBe(APP_NAMES.length * 2);
    expect(images.filter(([, image]) => !image.endsWith(':dev'))).toEqual([]);
  });

  it('prod sets one release tag for every service image through images: (never latest)', () => {
    const k = readKustomization(join(K8S, 'overlays', 'prod'));
    expect((k.images ?? []).map((i) => i.name).sort()).toEqual(APP_NAMES.map((a) => `transport-credit/${a}`).sort());
    const tags = new Set(appImages(overlays.prod).map(([, image]) => image.split(':').pop()));
    expect(tags.size).toBe(1);
    expect([...tags][0]).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
    expect(tags.has('latest')).toBe(false);
  });

  it.each(['dev', 'prod'] as const)('%s: every object is applied by one of the README steps (infrastructure filter, or one service)', (overlay) => {
    // k8s/README.md, "Before the first deployment" step 4, and "Deploy (or upgrade) one service alone".
    const infrastructure = ['postgres', 'nats', 'otel-collector', 'network-policy'];
    const missed = overlays[overlay].objects.filter((o) => ![...infrastructure, ...APP_NAMES].includes(o.metadata.labels?.['app.kubernetes.io/name'] ?? ''));
    expect(missed.map(objectId)).toEqual([]);
    expect(readFileSync(join(K8S, 'README.md'), 'utf8')).toContain(`-l 'app.kubernetes.io/name in (${infrastructure.join(',')})'`);
  });

  it.each(['dev', 'prod'] as const)('%s: every Secret and ConfigMap a pod mounts or reads is rendered, or created by ops as k8s/README.md says', (overlay) => {
    const tree = overlays[overlay];
    const referenced = new Set<string>();
    for (const w of workloads(tree)) {
      const pod = podSpecOf(w);
      // An optional volume (gateway-verification-keys, only during a rotation) may be absent.
      for (const v of pod?.volumes ?? []) {
        if (v.secret && !v.secret.optional) referenced.add(`Secret ${v.secret.secretName}`);
        if (v.configMap && !v.configMap.optional) referenced.add(`ConfigMap ${v.configMap.name}`);
      }
      for (const c of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]) {
        for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) referenced.add(`Secret ${e.valueFrom.secretKeyRef.name}`);
        for (const e of c.envFrom ?? []) if (e.configMapRef) referenced.add(`ConfigMap ${e.configMapRef.name}`);
      }
    }
    const readme = readFileSync(join(K8S, 'README.md'), 'utf8');
    const rendered = (kind: string, name: string) => tree.objects.some((o) => o.kind === kind && o.metadata.name === name);
    // Created by ops: named in the README with the kubectl command that creates it.
    const byOps = (kind: string, name: string) => readme.includes(`kubectl -n $NS create ${kind === 'Secret' ? 'secret generic' : 'configmap'} ${name} `);
    const dbSecret = (kind: string, name: string) => kind === 'Secret' && /^[a-z-]+-db$/.test(name) && readme.includes('create secret generic $app-db');
    const missing = [...referenced].filter((ref) => {
      const [kind, name] = ref.split(' ');
      return !rendered(kind, name) && !byOps(kind, name) && !dbSecret(kind, name);
    });
    expect(referenced).toContain('Secret gateway-internal-identity-key');
    expect(referenced).toContain('ConfigMap internal-identity-public-key');
    expect(missing).toEqual([]);
  });

  it('prod prints the Ingress host in QR codes (PUBLIC_BASE_URL of disclosure and permits)', () => {
    const hosts = (find(overlays.prod, 'Ingress', 'gateway') as any)?.spec?.rules?.map((r: any) => r.host) ?? [];
    for (const app of ['disclosure', 'permits']) {
      const url = new URL((find(overlays.prod, 'ConfigMap', `${app}-config`) as any)?.data?.PUBLIC_BASE_URL ?? 'invalid://');
      expect([app, url.protocol, hosts.includes(url.hostname)]).toEqual([app, 'https:', true]);
    }
  });

  it('dev asks for less than the base (small resources)', () => {
    for (const app of APP_NAMES) {
      const small = containerOf(find(overlays.dev, 'Deployment', app), app)?.resources;
      const normal = containerOf(find(base, 'Deployment', app), app)?.resources;
      expect([app, bytes(small?.limits?.memory ?? '0') < bytes(normal?.limits?.memory ?? '0')]).toEqual([app, true]);
      expect([app, millicores(small?.requests?.cpu ?? '0') < millicores(normal?.requests?.cpu ?? '0')]).toEqual([app, true]);
    }
  });

  it.each(['dev', 'prod'] as const)('%s puts every object in its namespace', (overlay) => {
    const namespaces = new Set(overlays[overlay].objects.map((o) => o.metadata.namespace));
    expect(namespaces.size).toBe(1);
    expect([...namespaces][0]).toEqual(expect.any(String));
  });
});

describe('entry points the manifests and the image start', () => {
  const sourceOf = (distPath: string) => join(ROOT, distPath.replace(/^(\.\/)?dist\//, '').replace(/\.js$/, '.ts'));

  it('every `node dist/….js` command in k8s/ is compiled from a source file that exists', () => {
    const commands = base.objects.flatMap((o) => (WORKLOAD_KINDS.includes(o.kind) ? (podSpecOf(o)?.containers ?? []) : [])).map((c: any) => c.args ?? []);
    const scripts = commands.filter((c: string[]) => c[0] === 'node').map((c: string[]) => c[c.length - 1]);
    expect(scripts.length).toBe(APP_NAMES.length * 2);
    expect(scripts.filter((s: string) => !existsSync(sourceOf(s)))).toEqual([]);
  });

  describe('deploy/docker/Dockerfile', () => {
    const file = join(ROOT, 'deploy', 'docker', 'Dockerfile');
    const text = () => readFileSync(file, 'utf8');
    const instructions = () =>
      text()
        .replace(/\\\n/g, ' ')
        .split('\n')
        .filter((l) => l.trim() && !l.trim().startsWith('#'));

    it('builds every service from one file: ARG SERVICE, node:24-bookworm-slim stages, npm install from the lock then npm run build', () => {
      const lines = instructions();
      expect(lines).toContain('ARG SERVICE');
      expect(text()).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
      expect(lines.filter((l) => l.startsWith('FROM ')).every((l) => l.startsWith('FROM ${NODE_IMAGE}'))).toBe(true);
      expect(lines.some((l) => /^RUN .*npm install\b(?!.*--omit)/.test(l))).toBe(true);
      expect(lines).toContain('RUN npm run build');
    });

    it('installs production dependencies with --omit=dev and never --omit=optional', () => {
      expect(instructions().some((l) => /^RUN .*npm install .*--omit=dev/.test(l))).toBe(true);
      expect(instructions().join('\n')).not.toMatch(/--omit[= ]optional|--no-optional/);
    });

    it('runs as a numeric non-root user, with the telemetry preload and the proto files the services load', () => {
      const lines = instructions();
      const user = lines.filter((l) => l.startsWith('USER ')).pop();
      expect(user).toMatch(/^USER [1-9][0-9]*(:[0-9]+)?$/);
      const preload = /NODE_OPTIONS=--require=(\S+)/.exec(text())?.[1];
      expect(preload).toBeDefined();
      expect(existsSync(sourceOf(preload!))).toBe(true);
      expect(lines.some((l) => /^COPY --from=build \S*\/proto \.\/proto$/.test(l))).toBe(true);
      expect(lines.some((l) => /^CMD .*node dist\/apps\/\$\{SERVICE\}\/src\/main\.js/.test(l))).toBe(true);
      // tini as PID 1 forwards SIGTERM to node; the manifests keep it by setting only args (above).
      expect(lines.filter((l) => l.startsWith('ENTRYPOINT ')).pop()).toBe('ENTRYPOINT ["/usr/bin/tini", "--"]');
      expect(lines.some((l) => l.startsWith('HEALTHCHECK ') && !l.startsWith('HEALTHCHECK NONE'))).toBe(false);
    });

    it('keeps node_modules, dist and .git out of the build context', () => {
      const ignore = readFileSync(join(ROOT, 'deploy', 'docker', 'Dockerfile.dockerignore'), 'utf8').split('\n');
      expect(ignore).toEqual(expect.arrayContaining(['.git', '**/node_modules', 'dist']));
      // What `npm run build` reads must stay in the context.
      for (const needed of ['apps', 'libs', 'proto', 'scripts', 'deploy/local', 'package.json', 'package-lock.json']) expect(ignore).not.toContain(needed);
    });
  });
});

// Opt-in: compare this file's renderer with real kustomize v2.0.3 (Debian's kubectl 1.20).
// Defined only when asked for, so that ordinary runs carry no skipped tests.
const kubectl = process.env.KUBECTL_1_20;
if (kubectl)
  describe('the renderer against `kubectl kustomize` (KUBECTL_1_20)', () => {
    it.each(allTrees.map((t) => [t.name, t]))('%s renders the same objects', (_name, tree) => {
      const real = parseAllDocuments(execFileSync(kubectl!, ['kustomize', tree.dir], { encoding: 'utf8' }))
        .map((d) => d.toJS())
        .filter(Boolean);
      const byId = (objects: any[]) => Object.fromEntries(objects.map((o) => [objectId(o), canonical(o)]));
      expect(byId(tree.objects)).toEqual(byId(real));
    });
  });
