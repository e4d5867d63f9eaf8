// k6 reads the same scenarios as the Node runner (test/load/scenarios.json, ADR 0083), for ops
// against a real cluster:
//   k6 run -e SCENARIO=permit-submission -e BASE_URL=https://gateway.example -e TOKEN=… test/load/k6/scenario.js
// No k6 binary installs on the development machines; test/load/bench.mjs runs the scenarios here
// (starting its own platform, seeding it, and measuring a baseline in the same run). Here the
// cluster is given: a scenario's `setup.sql` is not run (seed those subjects first, or pass
// SUBJECTS=uscc,uscc,… for {{subject}}); its `setup.each` calls are made in k6's setup().
// Targets become k6 thresholds. The baseline is the scenario's `baseline.request`, run with
// -e SIDE=baseline at the same load (USCC=… for a path with {uscc}); the bare position loop
// (`baseline.bare`) exists only in Node.
import http from 'k6/http';
import { check, fail, sleep } from 'k6';
import { Trend } from 'k6/metrics';
import { buildRequest, expand, ndjsonBody, runTag, subjectsOf, valuesFor } from '../lib/scenario-template.mjs';
import { positionWorkload } from '../lib/positions.mjs';

const scenario = JSON.parse(open('../scenarios.json')).scenarios.find((s) => s.name === __ENV.SCENARIO);
if (!scenario) throw new Error(`no scenario named ${__ENV.SCENARIO} in test/load/scenarios.json`);
const BASELINE = __ENV.SIDE === 'baseline';
const BASE_URL = __ENV.BASE_URL;
const endToEnd = new Trend('end_to_end_ms', true);

const subjects = __ENV.SUBJECTS ? __ENV.SUBJECTS.split(',') : subjectsOf(scenario.setup && scenario.setup.subjects);
const run = runTag();
const values = valuesFor({ run, subjects });
/** Distinct serial numbers across VUs and iterations. */
const serial = () => __VU * 1_000_000 + __ITER;

function send(request, vals, tags) {
  const req = buildRequest(request, vals);
  const headers = Object.assign({}, req.headers, request.public ? {} : { authorization: `Bearer ${__ENV.TOKEN}` });
  return http.request(req.method, `${BASE_URL}${req.path}`, req.body === undefined ? null : req.body, { headers, tags });
}
const ok = (response, expect) => (Array.isArray(expect) ? expect.includes(response.status) : response.status === expect);

function loadOptions() {
  const load = scenario.load;
  if (BASELINE || scenario.driver === 'http') {
    if (load.model === 'open')
      return {
        scenarios: {
          open: {
            executor: 'constant-arrival-rate',
            rate: load.ratePerSecond,
            timeUnit: '1s',
            duration: `${load.durationSeconds}s`,
            preAllocatedVUs: Math.max(10, Math.ceil(load.ratePerSecond / 10)),
          },
        },
      };
    if (load.model === 'closed') return { vus: load.connections, duration: `${load.durationSeconds}s` };
    return { vus: load.concurrency || 1, duration: '10s' };
  }
  if (scenario.driver === 'ndjson-batches') {
    const batches = Math.ceil(load.records / load.linesPerBatch);
    return { scenarios: { batches: { executor: 'shared-iterations', vus: load.concurrency, iterations: batches } } };
  }
  if (scenario.driver === 'position-stream') {
    const batches = Math.ceil(load.positions / load.batch);
    return { scenarios: { stream: { executor: 'shared-iterations', vus: 1, iterations: batches } } };
  }
  return { scenarios: { chain: { executor: 'per-vu-iterations', vus: 1, iterations: load.count } } };
}

function thresholds() {
  if (BASELINE) return {};
  const metric = scenario.driver === 'http' ? 'http_req_duration' : 'end_to_end_ms';
  const out = {};
  const add = (name, condition) => (out[name] = (out[name] || []).concat(condition));
  const load = scenario.load;
  for (const t of scenario.targets) {
    if (t.metric !== 'perSecond') add(metric, `p(${t.metric.slice(1, 3)})<${t.below}`);
    else if (scenario.driver === 'http') add('http_reqs', `rate>=${t.atLeast}`);
    // A rate as the time one unit of work may take: a batch of L lines, `concurrency` at a time, within concurrency × L ÷ rate.
    else if (scenario.driver === 'ndjson-batches') add(metric, `med<${((load.concurrency * load.linesPerBatch) / t.atLeast) * 1000}`);
    else if (scenario.driver === 'position-stream') add(metric, `med<${(load.batch / t.atLeast) * 1000}`);
  }
  if (scenario.driver === 'http') out.http_req_failed = ['rate==0'];
  return out;
}

export const options = Object.assign(loadOptions(), { thresholds: thresholds() });

/** The scenario's per-subject setup calls (e.g. registering the carriers) and the wait until the path accepts. */
export function setup() {
  const s = scenario.setup || {};
  if (s.sql) console.warn(`${scenario.name}: setup.sql is not run by k6; the cluster must hold the subjects already`);
  if (s.each)
    for (const subject of subjects) if (!ok(send(s.each, Object.assign(values(0), { subject })), s.each.expectStatus)) fail(`setup call for ${subject}`);
  if (s.awaitRequest) {
    const until = Date.now() + s.awaitRequest.giveUpSeconds * 1000;
    while (!ok(send(scenario.request, Object.assign(values(0), { subject: subjects[0] })), scenario.request.expectStatus)) {
      if (Date.now() > until) fail(`${scenario.name}: the first request was not accepted in time`);
      sleep(0.1);
    }
  }
}

function httpIteration(request) {
  const response = send(request, values(serial()));
  check(response, { 'expected status': (r) => ok(r, request.expectStatus) });
}

function batchIteration() {
  const { request, load } = scenario;
  const started = Date.now();
  const body = ndjsonBody(request, values, serial() * load.linesPerBatch, load.linesPerBatch);
  const response = http.post(`${BASE_URL}${request.path}`, body, { headers: Object.assign({}, request.headers, { authorization: `Bearer ${__ENV.TOKEN}` }) });
  if (!check(response, { 'batch accepted': (r) => ok(r, request.expectStatus) })) return;
  const path = request.statusPath.replace('{batchId}', response.json('batchId'));
  while (http.get(`${BASE_URL}${path}`, { headers: { authorization: `Bearer ${__ENV.TOKEN}` } }).json('status') !== 'completed') sleep(0.05);
  endToEnd.add(Date.now() - started);
}

const positionBatches = scenario.driver === 'position-stream' ? positionWorkload(scenario.load).batches : [];
function positionIteration() {
  const started = Date.now();
  const body = JSON.stringify({ foundBy: scenario.request.foundBy, reports: JSON.parse(positionBatches[__ITER % positionBatches.length]).reports });
  const response = http.post(`${BASE_URL}${scenario.request.httpPath}`, body, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${__ENV.TOKEN}` },
  });
  check(response, { 'positions accepted': (r) => r.status >= 200 && r.status < 300 });
  endToEnd.add(Date.now() - started);
}

function repairIteration() {
  const req = scenario.request;
  const vals = values(serial());
  const record = send(req.record, vals);
  if (!check(record, { 'record stored': (r) => ok(r, req.record.expectStatus) })) return;
  const body = expand(req.record.body, vals);
  const view = Object.assign({}, req.view, { path: req.view.path.replace('{uscc}', body.subject.id) });
  const shown = () => {
    const r = send(view, vals);
    return r.status === 200 && (r.json('penalties') || []).some((p) => p.documentNumber === body.documentNumber);
  };
  const until = (condition) => {
    const giveUp = Date.now() + req.giveUpSeconds * 1000;
    while (!condition()) {
      if (Date.now() > giveUp) return false;
      sleep(req.pollMs / 1000);
    }
    return true;
  };
  if (!until(shown)) return fail('record never public');
  let application;
  const apply = Object.assign({}, req.apply, { body: Object.assign({}, req.apply.body, { target: record.json('id') }) });
  if (!until(() => ok((application = send(apply, vals)), apply.expectStatus))) return fail('repair never accepted the application');
  const approve = Object.assign({}, req.approve, { path: req.approve.path.replace('{applicationId}', application.json('id')) });
  if (!check(send(approve, vals), { 'repair approved': (r) => ok(r, req.approve.expectStatus) })) return;
  const approvedAt = Date.now();
  if (until(() => !shown())) endToEnd.add(Date.now() - approvedAt);
}

export default function () {
  if (BASELINE) {
    if (!scenario.baseline.request) fail(`${scenario.name}: its baseline runs only in test/load/bench.mjs`);
    const uscc = __ENV.USCC || subjects[0];
    if (scenario.baseline.request.path.includes('{uscc}') && !uscc) fail(`${scenario.name}: its baseline reads a subject: pass -e USCC=…`);
    return httpIteration(Object.assign({}, scenario.baseline.request, { path: scenario.baseline.request.path.replace('{uscc}', uscc) }));
  }
  if (scenario.driver === 'http') return httpIteration(scenario.request);
  if (scenario.driver === 'ndjson-batches') return batchIteration();
  if (scenario.driver === 'position-stream') return positionIteration();
  return repairIteration();
}
