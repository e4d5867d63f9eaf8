// A dry run of k6/scenario.js under Node, since no k6 binary installs here: loads the script with
// stand-ins for k6's modules (`k6`, `k6/http`, `k6/metrics`, `open`, `__ENV`, `__VU`, `__ITER`) for
// every scenario of scenarios.json and both sides (scenario, baseline), runs setup() and one
// iteration against a fake gateway that answers each request the status the scenario expects,
// and prints one JSON line per case: { scenario, side, options, requests: [[method, path]], error }.
// test/load/k6-script.spec.ts runs it, so the k6 script keeps loading the data the Node runner reads.
//   node test/load/k6/dry-run.mjs
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const LOAD = join(import.meta.dirname, '..');
const data = JSON.parse(readFileSync(join(LOAD, 'scenarios.json'), 'utf8'));
const script = readFileSync(join(import.meta.dirname, 'scenario.js'), 'utf8')
  .replace("import http from 'k6/http';", 'const http = globalThis.k6Http;')
  .replace("import { check, fail, sleep } from 'k6';", 'const { check, fail, sleep } = globalThis.k6;')
  .replace("import { Trend } from 'k6/metrics';", 'const { Trend } = globalThis.k6Metrics;')
  .replaceAll("from '../lib/", `from '${pathToFileURL(join(LOAD, 'lib')).href}/`)
  .replace("open('../scenarios.json')", `open(${JSON.stringify(join(LOAD, 'scenarios.json'))})`);
const dir = mkdtempSync(join(tmpdir(), 'k6-dry-run-'));

/** [method, path pattern, status] of every request template of a scenario (placeholders match anything). */
function routes(scenario) {
  const templates = [
    scenario.request,
    scenario.setup?.each,
    scenario.baseline?.request,
    scenario.request?.record,
    scenario.request?.apply,
    scenario.request?.approve,
  ];
  return templates
    .filter((t) => t?.method && t.path)
    .map((t) => {
      const pattern = t.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{[^}]+\}\}|\{[a-zA-Z]+\}/g, '[^/]+');
      return [t.method, new RegExp(`^${pattern}$`), Array.isArray(t.expectStatus) ? t.expectStatus[0] : (t.expectStatus ?? 200)];
    });
}

/** The fake gateway: the expected status, ids for what the scripts read back, and the repair chain's public view. */
function fakeHttp(scenario, requests) {
  const table = routes(scenario);
  let shownDocument;
  const respond = (method, url, body) => {
    const path = new URL(url).pathname;
    requests.push([method, path]);
    if (method === 'POST' && body && path === scenario.request?.record?.path) shownDocument = JSON.parse(body).documentNumber;
    if (method === 'POST' && path.endsWith('/decision')) shownDocument = undefined;
    const status = table.find(([m, pattern]) => m === method && pattern.test(path))?.[2] ?? 200;
    const json = { id: 'fake-id', batchId: 'fake-batch', status: 'completed', penalties: shownDocument ? [{ documentNumber: shownDocument }] : [] };
    return { status, json: (key) => (key ? json[key] : json) };
  };
  return {
    request: (method, url, body) => respond(method, url, body),
    post: (url, body) => respond('POST', url, body),
    get: (url) => respond('GET', url),
  };
}

for (const [i, scenario] of data.scenarios.entries()) {
  for (const side of ['scenario', 'baseline']) {
    const requests = [];
    globalThis.k6Http = fakeHttp(scenario, requests);
    globalThis.k6 = {
      check: (response, checks) => Object.values(checks).every((f) => f(response)),
      fail: (message) => {
        throw new Error(message);
      },
      sleep: () => undefined,
    };
    globalThis.k6Metrics = { Trend: class {} };
    globalThis.k6Metrics.Trend.prototype.add = () => undefined;
    globalThis.open = (file) => readFileSync(file, 'utf8');
    const env = { SCENARIO: scenario.name, BASE_URL: 'http://gateway.invalid', TOKEN: 'dry-run', USCC: '91410100MA0000001X' };
    globalThis.__ENV = { ...env, SIDE: side === 'baseline' ? 'baseline' : '' };
    globalThis.__VU = 1;
    globalThis.__ITER = 0;
    const file = join(dir, `${i}-${side}.mjs`);
    writeFileSync(file, script);
    let options;
    let error;
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const module = await import(pathToFileURL(file).href);
      options = module.options;
      module.setup();
      module.default();
    } catch (e) {
      error = e.message;
    } finally {
      console.warn = warn;
    }
    console.log(JSON.stringify({ scenario: scenario.name, side, options, requests, error }));
  }
}
