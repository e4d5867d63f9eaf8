// A small, offline stand-in for `kubectl kustomize` as Debian's kubectl 1.20 (kustomize v2.0.3)
// runs it, limited to the fields k8s/ uses, so the unit tests can check what ops will apply
// without a kubectl binary. It refuses any field it does not model (rather than render it
// wrongly), and refuses fields v2.0.3 does not know at all (patches:, components:, replicas: …).
// Cross-checked against kubectl 1.20's own output when it was written (see k8s/README.md).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, string>;
  [key: string]: unknown;
};

export interface Rendered extends K8sObject {
  /** Repository-relative file the object came from (for messages). */
  readonly __source?: string;
}

/** Fields kustomize v2.0.3 accepts that this renderer models. */
export const MODELLED_FIELDS = [
  'apiVersion',
  'kind',
  'bases',
  'resources',
  'patchesStrategicMerge',
  'commonLabels',
  'commonAnnotations',
  'namespace',
  'images',
] as const;
/** Fields of later kustomize versions that v2.0.3 rejects or silently ignores. */
export const NOT_IN_V2 = [
  'patches',
  'components',
  'replicas',
  'labels',
  'helmCharts',
  'helmGlobals',
  'openapi',
  'buildMetadata',
  'sortOptions',
  'crds',
  'replacements',
] as const;

export interface Kustomization {
  bases?: string[];
  resources?: string[];
  patchesStrategicMerge?: string[];
  commonLabels?: Record<string, string>;
  commonAnnotations?: Record<string, string>;
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  [field: string]: unknown;
}

/** Parses every document of a YAML file; throws with the file name on any parse error or warning. */
export function readYamlDocuments(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  const list = Array.isArray(documents) ? documents : [documents];
  const problems = list.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.message));
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return list.map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
}

export function readKustomization(dir: string): Kustomization {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${dir} has no kustomization.yaml`);
  const [document] = readYamlDocuments(file);
  return (document ?? {}) as Kustomization;
}

/** kubectl 1.20's strategic merge knows these API groups; other kinds get a JSON merge patch (lists replaced whole). */
const STRATEGIC_API_VERSIONS = new Set(['v1', 'apps/v1', 'batch/v1']);

/** Merge keys of the lists strategic merge patches merge (instead of replacing) in the kinds above. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  envFrom: '', // replaced (no merge key in the schema)
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
};

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergePatch(target: unknown, patch: unknown, strategic: boolean, field = ''): unknown {
  if (Array.isArray(patch)) {
    const key = strategic ? MERGE_KEYS[field] : undefined;
    // Container and Service ports merge on their port number.
    const portKey = strategic && field === 'ports' ? (patch.every((p) => isMap(p) && 'containerPort' in p) ? 'containerPort' : 'port') : undefined;
    const mergeKey = key || portKey;
    if (!mergeKey || !Array.isArray(target)) return structuredClone(patch);
    const result = structuredClone(target) as Record<string, unknown>[];
    for (const item of patch as Record<string, unknown>[]) {
      const index = result.findIndex((existing) => existing[mergeKey] === item[mergeKey]);
      if (index === -1) result.push(structuredClone(item));
      else result[index] = mergePatch(result[index], item, strategic, '') as Record<string, unknown>;
    }
    return result;
  }
  if (!isMap(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isMap(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k];
    else result[k] = mergePatch(result[k], v, strategic, k);
  }
  return result;
}

const addTo = (object: Record<string, unknown>, path: string[], labels: Record<string, string>, create: boolean) => {
  let node: Record<string, unknown> = object;
  for (const step of path.slice(0, -1)) {
    if (!isMap(node[step])) {
      if (!create) return;
      node[step] = {};
    }
    node = node[step] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (!isMap(node[last])) {
    if (!create) return;
    node[last] = {};
  }
  Object.assign(node[last] as Record<string, unknown>, labels);
};

/** Where kustomize v2.0.3's commonLabels go besides metadata.labels (its default field specs, the kinds used here). */
function applyCommonLabels(object: Rendered, labels: Record<string, string>): void {
  const o = object as unknown as Record<string, unknown>;
  addTo(o, ['metadata', 'labels'], labels, true);
  const kind = object.kind;
  if (kind === 'Service') addTo(o, ['spec', 'selector'], labels, true);
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(kind)) {
    addTo(o, ['spec', 'selector', 'matchLabels'], labels, true);
    addTo(o, ['spec', 'template', 'metadata', 'labels'], labels, true);
  }
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(kind)) {
    // v2.0.3 also rewrites pod (anti-)affinity selectors, when present, but not topologySpreadConstraints.
    const affinity = object.spec?.template?.spec?.affinity ?? {};
    for (const rule of [affinity.podAffinity, affinity.podAntiAffinity]) {
      for (const term of rule?.requiredDuringSchedulingIgnoredDuringExecution ?? []) addTo(term, ['labelSelector', 'matchLabels'], labels, false);
      for (const weighted of rule?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
        addTo(weighted, ['podAffinityTerm', 'labelSelector', 'matchLabels'], labels, false);
    }
  }
  if (kind === 'StatefulSet') {
    for (const claim of object.spec?.volumeClaimTemplates ?? []) addTo(claim, ['metadata', 'labels'], labels, true);
  }
  if (kind === 'Job') {
    addTo(o, ['spec', 'selector', 'matchLabels'], labels, false);
    addTo(o, ['spec', 'template', 'metadata', 'labels'], labels, true);
  }
  if (kind === 'PodDisruptionBudget') addTo(o, ['spec', 'selector', 'matchLabels'], labels, false);
  if (kind === 'NetworkPolicy') {
    // v2.0.3 rewrites every podSelector that has matchLabels (an empty `podSelector: {}` stays all pods).
    addTo(o, ['spec', 'podSelector', 'matchLabels'], labels, false);
    for (const rule of object.spec?.ingress ?? []) for (const peer of rule.from ?? []) addTo(peer, ['podSelector', 'matchLabels'], labels, false);
    for (const rule of object.spec?.egress ?? []) for (const peer of rule.to ?? []) addTo(peer, ['podSelector', 'matchLabels'], labels, false);
  }
}

function applyImages(node: unknown, images: NonNullable<Kustomization['images']>): void {
  if (Array.isArray(node)) return node.forEach((n) => applyImages(n, images));
  if (!isMap(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const container of value as { image?: string }[]) {
        if (!container.image) continue;
        const [, name, tag] = /^([^@:]+(?::\d+\/[^@:]+)?)(?::([^@]+))?(?:@.*)?$/.exec(container.image) ?? [];
        const rule = images.find((i) => i.name === name);
        if (!rule) continue;
        const newName = rule.newName ?? name;
        container.image = rule.digest ? `${newName}@${rule.digest}` : `${newName}${(rule.newTag ?? tag) ? `:${rule.newTag ?? tag}` : ''}`;
      }
    } else applyImages(value, images);
  }
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
]);

export const objectId = (o: { apiVersion?: string; kind: string; metadata: { name: string } }): string => `${o.kind}/${o.metadata.name}`;

/**
 * Builds a kustomization directory the way kustomize v2.0.3 does: bases (each built on its
 * own), then resources, then strategic-merge patches, then commonLabels, commonAnnotations,
 * namespace and images. `root` is only used to make source paths repository-relative.
 */
export function build(dir: string, root: string = process.cwd()): Rendered[] {
  const k = readKustomization(dir);
  const unmodelled = Object.keys(k).filter((f) => !(MODELLED_FIELDS as readonly string[]).includes(f));
  if (unmodelled.length > 0) throw new Error(`${relative(root, dir)}/kustomization.yaml: fields this test cannot render: ${unmodelled.join(', ')}`);

  const objects: Rendered[] = [];
  for (const base of k.bases ?? []) objects.push(...build(resolve(dir, base), root));
  for (const resource of k.resources ?? []) {
    const file = resolve(dir, resource);
    if (!existsSync(file) || !statSync(file).isFile())
      throw new Error(`${relative(root, dir)}: resource ${resource} is not a file (kustomize v2.0.3 takes directories under bases:)`);
    for (const document of readYamlDocuments(file)) {
      Object.defineProperty(document, '__source', { value: relative(root, file), enumerable: false });
      objects.push(document as Rendered);
    }
  }
  const seen = new Set<string>();
  for (const o of objects) {
    if (seen.has(objectId(o))) throw new Error(`${relative(root, dir)}: ${objectId(o)} is defined twice`);
    seen.add(objectId(o));
  }

  for (const patchFile of k.patchesStrategicMerge ?? []) {
    const file = resolve(dir, patchFile);
    for (const patch of readYamlDocuments(file) as K8sObject[]) {
      const index = objects.findIndex((o) => o.kind === patch.kind && o.metadata.name === patch.metadata?.name && o.apiVersion === patch.apiVersion);
      if (index === -1) throw new Error(`${relative(root, file)}: patch target ${patch.apiVersion} ${objectId(patch)} not found in the bases`);
      const source = objects[index].__source;
      const merged = mergePatch(objects[index], patch, STRATEGIC_API_VERSIONS.has(patch.apiVersion)) as Rendered;
      Object.defineProperty(merged, '__source', { value: source, enumerable: false });
      objects[index] = merged;
    }
  }

  for (const o of objects) {
    if (k.commonLabels) applyCommonLabels(o, k.commonLabels);
    if (k.commonAnnotations) o.metadata.annotations = { ...o.metadata.annotations, ...k.commonAnnotations };
    if (k.namespace && !CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
    if (k.images) applyImages(o, k.images);
  }
  return objects;
}

/** Every file a kustomization under `dir` names, resolved (resources, bases' kustomization.yaml, patches). */
export function referencedFiles(dir: string): string[] {
  const k = readKustomization(dir);
  return [
    ...(k.resources ?? []).map((r) => resolve(dir, r)),
    ...(k.patchesStrategicMerge ?? []).map((p) => resolve(dir, p)),
    ...(k.bases ?? []).map((b) => join(resolve(dir, b), 'kustomization.yaml')),
  ];
}

export const kustomizationDirs = (files: string[]): string[] => files.filter((f) => f.endsWith('/kustomization.yaml')).map((f) => dirname(f));
