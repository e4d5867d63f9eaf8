// Evaluation speed (issue 4): a cycle close over SUBJECTS subjects × 20 records each, and, in
// the same run, the same scheme's rules evaluated by json-rules-engine on the same data.
//   bash scripts/with-node.sh node scripts/build.mjs
//   bash scripts/with-node.sh node test/load/evaluation-cycle.mjs            # 100,000 subjects
//   SUBJECTS=10000 bash scripts/with-node.sh node test/load/evaluation-cycle.mjs
// Needs PostgreSQL (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres);
// creates and drops a private database. Prints a Markdown block for docs/perf.md.
//
// Three measurements, one data set (the Zhengzhou taxi-driver scheme, shipped-schemes.ts):
//   1. engine: the pure engine (evaluateSubject) grading the 2025 cycle, in memory;
//   2. json-rules-engine: the same rules as json-rules-engine rules, same records, same cycle;
//      both must give the same grade distribution, or the run fails;
//   3. cycle close: the real ProcessCyclesJob against PostgreSQL (chunks, results with
//      explanations, cursor), including each subject's previous-cycle grade.
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { onServer, SERVER_URL } from './lib/postgres-server.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const dist = (path) => require(join(ROOT, 'dist', path));
const { compileScheme } = dist('apps/evaluation/src/engine/domain/compile-scheme');
const { evaluateSubject } = dist('apps/evaluation/src/engine/domain/evaluate');
const { cycleOfPeriod } = dist('apps/evaluation/src/engine/domain/cycle');
const { ZHENGZHOU_TAXI_DRIVER_STARS } = dist('apps/evaluation/src/engine/domain/shipped-schemes');
const { evaluationDefinition } = dist('apps/evaluation/src/evaluation.definition');
const { SchemeRegistry } = dist('apps/evaluation/src/schemes/application/scheme-registry');
const { ProcessCyclesJob } = dist('apps/evaluation/src/cycles/application/process-cycles.job');
const { OutboxPublisher } = dist('libs/platform/service/src/outbox-publisher');
const { CloseCycleHandler } = dist('apps/evaluation/src/cycles/application/close-cycle.handler');
const { GetCycleHandler } = dist('apps/evaluation/src/cycles/application/get-cycle.handler');
const { createServiceDataSource, ensureSchemaAndRole, roleUrl, withDatabase } = dist('libs/platform/database/src');
const { Engine } = require('json-rules-engine');
require('@nestjs/common').Logger.overrideLogger(['error', 'warn']);

const SUBJECTS = Number(process.env.SUBJECTS ?? 100_000);
// json-rules-engine runs ~30× slower: it grades the first JRE_SUBJECTS of the same subjects, and
// the ratio compares per-subject rates (the engine's distribution over that subset must match).
const JRE_SUBJECTS = Math.min(SUBJECTS, Number(process.env.JRE_SUBJECTS ?? 5_000));
const RECORDS = 20;
const CHUNK = Number(process.env.CYCLE_CHUNK_SIZE ?? 1000);
const SERVER = SERVER_URL;
const CUTOFF = new Date('2026-01-15T09:00:00+08:00');

// ---- one deterministic data set (the SQL below generates the same rows) -----------------------
const TYPES = ['confirmed-complaint', 'administrative-penalty', 'monitoring-violation', 'commendation', 'accident'];
const SEVERITIES = ['minor', 'general', 'severe'];
/** Records spread over 2021–2025 (five years): about four per year and subject. */
const DAY0 = Date.parse('2021-01-01T00:00:00Z');
const subjectId = (s) => `S${String(s).padStart(7, '0')}`;
function recordsOf(s) {
  return Array.from({ length: RECORDS }, (_, i) => {
    const r = i + 1;
    const type = TYPES[(s * 7 + r * 13) % 5];
    const day = (s * 37 + r * 91) % 1826;
    const decisionDate = new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
    const payload =
      type === 'accident'
        ? { responsibility: (s + r) % 2 === 0 ? 'main' : 'none' }
        : type === 'commendation'
          ? { level: (s + r) % 2 === 0 ? 'provincial' : 'city' }
          : {};
    return {
      id: `${subjectId(s)}-${String(r).padStart(2, '0')}`,
      type,
      severity: SEVERITIES[(s * 3 + r) % 3],
      decisionDate,
      payload,
      receivedAt: `${decisionDate}T10:00:00+08:00`,
    };
  });
}

const compiled = compileScheme(structuredClone(ZHENGZHOU_TAXI_DRIVER_STARS));
if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
const scheme = compiled.scheme;
const window = cycleOfPeriod(scheme.document.cycle, '2025');

const tally = (distribution, grade) => (distribution[grade] = (distribution[grade] ?? 0) + 1);
const seconds = (ms) => (ms / 1000).toFixed(1);

// ---- 1. the engine, in memory ------------------------------------------------------------------
function runEngine(subjects) {
  const distribution = {};
  const started = performance.now();
  for (let s = 1; s <= subjects; s += 1) {
    const result = evaluateSubject(scheme, {
      subject: { id: subjectId(s), kind: 'person', region: '410105', lists: [] },
      records: recordsOf(s),
      at: CUTOFF,
      cycle: window,
      previous: null,
    });
    tally(distribution, result.grade);
  }
  return { ms: performance.now() - started, distribution };
}

// ---- 2. the same rules in json-rules-engine ----------------------------------------------------
function jsonRulesEngines() {
  const records = new Engine([], { allowUndefinedFacts: true });
  const points = (name, conditions, value) =>
    records.addRule({
      name,
      conditions: { all: [{ fact: 'record', path: '$.inCycle', operator: 'equal', value: true }, ...conditions] },
      event: { type: 'points', params: { rule: name, points: value } },
    });
  const is = (path, value) => ({ fact: 'record', path, operator: 'equal', value });
  const oneOf = (path, value) => ({ fact: 'record', path, operator: 'in', value });
  for (const [severity, value] of [
    ['minor', -1],
    ['general', -3],
    ['severe', -5],
  ])
    points(`complaint-${severity}`, [is('$.type', 'confirmed-complaint'), is('$.severity', severity)], value);
  for (const [severity, value] of [
    ['minor', -3],
    ['general', -5],
    ['severe', -10],
  ])
    points(`penalty-${severity}`, [oneOf('$.type', ['administrative-penalty', 'monitoring-violation']), is('$.severity', severity)], value);
  points('responsible-accident', [is('$.type', 'accident'), oneOf('$.payload.responsibility', ['full', 'main', 'equal'])], -20);
  points('commendation-high', [is('$.type', 'commendation'), oneOf('$.payload.level', ['national', 'provincial'])], 5);
  points('commendation', [is('$.type', 'commendation'), { fact: 'record', path: '$.payload.level', operator: 'notIn', value: ['national', 'provincial'] }], 2);

  const grades = new Engine([], { allowUndefinedFacts: true });
  const band = (grade, min, max) =>
    grades.addRule({
      name: `band-${grade}`,
      priority: 10,
      conditions: {
        all: [
          ...(min === undefined ? [] : [{ fact: 'score', operator: 'greaterThanInclusive', value: min }]),
          ...(max === undefined ? [] : [{ fact: 'score', operator: 'lessThan', value: max }]),
        ],
      },
      event: { type: 'band', params: { grade } },
    });
  for (const rung of scheme.document.ladder.rungs) band(rung.grade, rung.min, rung.max);
  // Adjustments, in the scheme's order (lower priority runs later).
  grades.addRule({
    name: 'carry-over',
    priority: 3,
    conditions: {
      all: [
        { fact: 'previousGrade', operator: 'equal', value: '5' },
        { fact: 'deductions', operator: 'equal', value: 0 },
      ],
    },
    event: { type: 'at-least', params: { grade: '5' } },
  });
  grades.addRule({
    name: 'tenure-cap',
    priority: 2,
    conditions: { all: [{ fact: 'tenureMonths', operator: 'lessThan', value: 6 }] },
    event: { type: 'at-most', params: { grade: '3' } },
  });
  grades.addRule({
    name: 'bad-driver',
    priority: 1,
    conditions: { all: [{ fact: 'lists', operator: 'contains', value: 'bad-driver' }] },
    event: { type: 'set', params: { grade: '0' } },
  });
  return { records, grades };
}

async function runJsonRulesEngine(subjects) {
  const { records, grades } = jsonRulesEngines();
  const ladder = scheme.grades;
  const distribution = {};
  const started = performance.now();
  for (let s = 1; s <= subjects; s += 1) {
    let additions = 0;
    let deductions = 0;
    for (const record of recordsOf(s)) {
      if (record.decisionDate > window.end) continue;
      const { events } = await records.run({ record: { ...record, inCycle: record.decisionDate >= window.start && record.decisionDate <= window.end } });
      for (const event of events) {
        if (event.params.points > 0) additions += event.params.points;
        else deductions -= event.params.points;
      }
    }
    additions = Math.min(additions, 10);
    const score = Math.min(30, Math.max(0, 20 + additions - deductions));
    const { events } = await grades.run({ score, deductions, previousGrade: '', tenureMonths: 9999, lists: [] });
    let grade = events.find((e) => e.type === 'band').params.grade;
    for (const event of events.filter((e) => e.type !== 'band')) {
      const rank = ladder.indexOf(grade);
      const target = ladder.indexOf(event.params.grade);
      if (event.type === 'set' || (event.type === 'at-most' && rank < target) || (event.type === 'at-least' && rank > target)) grade = event.params.grade;
    }
    tally(distribution, grade);
  }
  return { ms: performance.now() - started, distribution };
}

// ---- 3. the real cycle close against PostgreSQL ------------------------------------------------

async function runCycleClose() {
  const name = `tcp_bench_${randomBytes(4).toString('hex')}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const adminUrl = withDatabase(SERVER, name);
  try {
    await ensureSchemaAndRole(adminUrl, 'evaluation');
    const dataSource = createServiceDataSource({
      schema: 'evaluation',
      url: roleUrl(adminUrl, 'evaluation'),
      entities: [],
      migrations: evaluationDefinition.migrations,
      poolSize: 4,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const registry = new SchemeRegistry(dataSource);
    await registry.onModuleInit();

    const loadStarted = performance.now();
    await dataSource.query(
      `INSERT INTO subject_records (record_id, subject_id, subject_kind, region, record_type, severity, decision_date, payload, received_at)
       SELECT gen_random_uuid(), 'S' || lpad(s::text, 7, '0'), 'person', '410105', t.type, (ARRAY['minor','general','severe'])[1 + (s * 3 + r) % 3], t.day,
              CASE t.type WHEN 'accident' THEN jsonb_build_object('responsibility', CASE WHEN (s + r) % 2 = 0 THEN 'main' ELSE 'none' END)
                          WHEN 'commendation' THEN jsonb_build_object('level', CASE WHEN (s + r) % 2 = 0 THEN 'provincial' ELSE 'city' END)
                          ELSE '{}'::jsonb END,
              (t.day::text || ' 10:00:00+08')::timestamptz
         FROM generate_series(1, $1::int) s, generate_series(1, $2::int) r,
              LATERAL (SELECT (ARRAY['confirmed-complaint','administrative-penalty','monitoring-violation','commendation','accident'])[1 + (s * 7 + r * 13) % 5] AS type,
                              date '2021-01-01' + (s * 37 + r * 91) % 1826 AS day) t`,
      [SUBJECTS, RECORDS],
    );
    // Every driver is a registered taxi driver (the scheme grades the taxi sector only, ADR 0044).
    await dataSource.query(
      `INSERT INTO registry_subjects (subject_id, subject_kind, region, sectors, active, revision, changed_at)
       SELECT 'S' || lpad(s::text, 7, '0'), 'person', '410105', ARRAY['taxi'], true, 1, now() FROM generate_series(1, $1::int) s`,
      [SUBJECTS],
    );
    await dataSource.query(`ANALYZE subject_records`);
    const loadMs = performance.now() - loadStarted;

    const principal = { clientId: 'bench', kind: 'admin', scopes: ['admin'], region: '410000' };
    const close = new CloseCycleHandler(dataSource, registry, { nudge: () => undefined });
    const config = { CYCLE_CHUNK_SIZE: CHUNK, CYCLE_LEASE_SECONDS: 600, CYCLE_POLL_MS: 1000 };
    const started = performance.now();
    const { id } = await close.execute(principal, { schemeId: 'zhengzhou-taxi-driver-stars', period: '2025' }, CUTOFF);
    // The close also writes each subject's evaluation.cycle-grades.recorded to the outbox (counted).
    await new ProcessCyclesJob(dataSource, registry, new OutboxPublisher(evaluationDefinition), config).work();
    const ms = performance.now() - started;
    const view = await new GetCycleHandler(dataSource).execute(principal, { id });
    await dataSource.destroy();
    return { ms, loadMs, view };
  } finally {
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

const sorted = (d) => Object.fromEntries(Object.entries(d).sort());
const engine = runEngine(SUBJECTS);
console.error(`engine: ${seconds(engine.ms)} s ${JSON.stringify(sorted(engine.distribution))}`);
const engineSubset = runEngine(JRE_SUBJECTS);
const jre = await runJsonRulesEngine(JRE_SUBJECTS);
console.error(`json-rules-engine (${JRE_SUBJECTS}): ${seconds(jre.ms)} s ${JSON.stringify(sorted(jre.distribution))}`);
if (JSON.stringify(sorted(engineSubset.distribution)) !== JSON.stringify(sorted(jre.distribution)))
  throw new Error('the two engines disagree: not the same rules');
const rate = (subjects, ms) => subjects / (ms / 1000);
const cycle = await runCycleClose();
console.error(`cycle close: ${seconds(cycle.ms)} s (data load ${seconds(cycle.loadMs)} s) ${JSON.stringify(cycle.view.distribution)}`);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`
### ${new Date().toISOString().slice(0, 10)} — evaluation: cycle close, ${SUBJECTS.toLocaleString('en')} subjects × ${RECORDS} records (Zhengzhou taxi-driver scheme, 2025)

Machine: ${cpus().length} vCPU ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; PostgreSQL on the same machine.
Command: \`SUBJECTS=${SUBJECTS} bash scripts/with-node.sh node test/load/evaluation-cycle.mjs\` (after \`node scripts/build.mjs\`).

| measurement | time | subjects/s | grade distribution |
| --- | --- | --- | --- |
| engine, in memory (current cycle), all ${SUBJECTS.toLocaleString('en')} subjects | ${seconds(engine.ms)} s | ${Math.round(rate(SUBJECTS, engine.ms)).toLocaleString('en')} | ${JSON.stringify(sorted(engine.distribution))} |
| engine, first ${JRE_SUBJECTS.toLocaleString('en')} subjects | ${seconds(engineSubset.ms)} s | ${Math.round(rate(JRE_SUBJECTS, engineSubset.ms)).toLocaleString('en')} | ${JSON.stringify(sorted(engineSubset.distribution))} |
| json-rules-engine 7.3.1, same rules, same first ${JRE_SUBJECTS.toLocaleString('en')} subjects | ${seconds(jre.ms)} s | ${Math.round(rate(JRE_SUBJECTS, jre.ms)).toLocaleString('en')} | ${JSON.stringify(sorted(jre.distribution))} |
| cycle close (PostgreSQL, chunks of ${CHUNK}, with previous cycle and stored explanations) | ${seconds(cycle.ms)} s | ${Math.round(SUBJECTS / (cycle.ms / 1000)).toLocaleString('en')} | ${JSON.stringify(sorted(cycle.view.distribution))} |

Per subject, json-rules-engine takes **${(rate(SUBJECTS, engine.ms) / rate(JRE_SUBJECTS, jre.ms)).toFixed(1)}×** the engine's time (engine rate over all subjects vs json-rules-engine's over its subset; over the same subset: ${(jre.ms / engineSubset.ms).toFixed(1)}×). Cycle close target ≤ 60 s: **${cycle.ms <= 60_000 ? 'met' : 'not met'}** (${seconds(cycle.ms)} s; loading the ${(SUBJECTS * RECORDS).toLocaleString('en')} records beforehand took ${seconds(cycle.loadMs)} s and is not counted).
`);
