// Validates Kubernetes objects against the API schemas shipped in `kubernetes-models`
// (`new Deployment(obj).validate()` and so on, one class per apiVersion and kind).
//
// kubernetes-models 5 is ESM-only (its package exports have only an `import` condition), which
// Jest's CommonJS runtime cannot load; Node 24 imports it natively. So manifests.spec.ts runs this
// file as a child process: JSON array of objects on stdin, JSON array of results on stdout, one
// per object, in order: { status: 'valid' } | { status: 'invalid', errors } | { status: 'unknown-kind' }.
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const modules = new Map();

async function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  if (!modules.has(apiVersion)) {
    // 'apps/v1' -> kubernetes-models/apps/v1, 'v1' (core) -> kubernetes-models/v1.
    modules.set(apiVersion, await import(`kubernetes-models/${apiVersion}`).catch(() => undefined));
  }
  const model = modules.get(apiVersion)?.[kind];
  return typeof model === 'function' && model.apiVersion === apiVersion && model.kind === kind ? model : undefined;
}

const results = [];
for (const object of objects) {
  const Model = await modelFor(object?.apiVersion, object?.kind);
  if (!Model) {
    results.push({ status: 'unknown-kind' });
    continue;
  }
  try {
    new Model(object).validate();
    results.push({ status: 'valid' });
  } catch (error) {
    results.push({ status: 'invalid', errors: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
