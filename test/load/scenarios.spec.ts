import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// The load scenarios are data (ADR 0083): test/load/bench.mjs and test/load/k6/scenario.js read
// test/load/scenarios.json. This test keeps the data well-formed and complete, so a hot path whose
// scenario is removed, or a scenario neither runner can build, fails here rather than in a bench.

const ROOT = join(__dirname, '..', '..');
const data: unknown = JSON.parse(readFileSync(join(__dirname, 'scenarios.json'), 'utf8'));

// Issue 23 item 6: "scenarios as data for every hot path (record ingestion single and bulk, public
// profile, decision, permit submission, position stream, repair approval to public view)".
const HOT_PATHS = [
  'record-ingestion-single',
  'record-ingestion-bulk',
  'public-profile',
  'decision',
  'permit-submission',
  'position-stream',
  'repair-to-public-view',
] as const;

// The placeholders test/load/lib/scenario-template.mjs expands ({{date±D}}: D days from today in China).
const PLACEHOLDER = /^(n|run|uscc|subject|serial5|serial4|uuid|date[+-]\d+)$/;
const SERVICES = readdirSync(join(ROOT, 'apps'));

const status = z.union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)]);
const httpRequest = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().regex(/^\/[^\s]*$/),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  public: z.boolean().optional(),
  expectStatus: status,
});
const target = z
  .object({
    metric: z.enum(['p50Ms', 'p95Ms', 'p99Ms', 'perSecond']),
    below: z.number().positive().optional(),
    atLeast: z.number().positive().optional(),
    unit: z.string().optional(),
    source: z.string().regex(/issue \d+/, 'a target names the issue it comes from'),
  })
  .refine((t) => (t.below === undefined) !== (t.atLeast === undefined), 'exactly one of below / atLeast')
  .refine(
    (t) => (t.metric === 'perSecond' ? t.atLeast !== undefined && t.unit !== undefined : t.below !== undefined),
    'rates are floors with a unit, latencies ceilings',
  );
const seconds = z.number().positive().max(600);
const common = {
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  hotPath: z.enum(HOT_PATHS),
  description: z.string().min(20),
  targets: z.array(target).min(1),
  platform: z.object({
    apps: z.array(z.enum(SERVICES as [string, ...string[]])).min(1),
    // The gateway refuses to start with a client seed without scopes (client-seeder.ts).
    scopes: z.array(z.string()).min(1),
    region: z.string().regex(/^\d{6}$/),
    clientName: z.string().optional(),
    env: z.record(z.string(), z.string()).optional(),
  }),
  setup: z
    .object({
      subjects: z.object({ count: z.number().int().positive(), prefix: z.string().regex(/^[0-9A-HJ-NP-RTUWXY]{2}$/) }).optional(),
      sql: z.array(z.string().min(1)).optional(),
      each: httpRequest.optional(),
      awaitRequest: z.object({ retryWhileCode: z.string(), giveUpSeconds: seconds }).optional(),
    })
    .optional(),
};
const httpBaseline = z.object({ description: z.string().min(20), request: httpRequest });
const scenario = z.discriminatedUnion('driver', [
  z.object({
    ...common,
    driver: z.literal('http'),
    request: httpRequest,
    load: z.union([
      z.object({ model: z.literal('open'), ratePerSecond: z.number().positive(), durationSeconds: seconds, warmupSeconds: seconds.optional() }),
      z.object({ model: z.literal('closed'), connections: z.number().int().positive(), durationSeconds: seconds, warmupSeconds: seconds.optional() }),
    ]),
    baseline: httpBaseline,
  }),
  z.object({
    ...common,
    driver: z.literal('ndjson-batches'),
    request: httpRequest.omit({ body: true }).extend({
      line: z.record(z.string(), z.unknown()),
      statusPath: z.string().includes('{batchId}'),
      drainedSql: z.string().startsWith('SELECT count(*) AS n'),
    }),
    load: z.object({
      model: z.literal('batches'),
      records: z.number().int().positive(),
      linesPerBatch: z.number().int().positive(),
      concurrency: z.number().int().positive(),
      warmupRecords: z.number().int().nonnegative().optional(),
    }),
    baseline: httpBaseline,
  }),
  z.object({
    ...common,
    driver: z.literal('position-stream'),
    request: z.object({
      subject: z.string().startsWith('telemetry.positions.'),
      permitSubject: z.string(),
      httpPath: z.string().startsWith('/api/v1/'),
      doneSql: z.string().startsWith('SELECT count(*) AS n'),
      permitsSql: z.string().startsWith('SELECT count(*) AS n'),
      foundBy: z.object({ name: z.string(), uscc: z.string().length(18) }),
    }),
    load: z.object({
      model: z.literal('stream'),
      positions: z.number().int().positive(),
      vehicles: z.number().int().positive(),
      batch: z.number().int().positive(),
      corridorM: z.number().positive(),
    }),
    baseline: z.object({ description: z.string().min(20), bare: z.literal('positions') }),
  }),
  z.object({
    ...common,
    driver: z.literal('repair-chain'),
    request: z.object({
      record: httpRequest,
      apply: httpRequest,
      approve: httpRequest.extend({ path: z.string().includes('{applicationId}') }),
      view: httpRequest.omit({ expectStatus: true }).extend({ path: z.string().includes('{uscc}') }),
      pollMs: z.number().positive(),
      giveUpSeconds: seconds,
    }),
    load: z.object({ model: z.literal('sequential'), count: z.number().int().positive() }),
    baseline: httpBaseline,
  }),
]);
const file = z.object({ $comment: z.string(), scenarios: z.array(scenario).min(1) });

const parsed = file.safeParse(data);
const scenarios = parsed.success ? parsed.data.scenarios : [];

/** Every `{{…}}` name in a JSON value. */
function placeholders(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/\{\{([^}]*)\}\}/g)].map((m) => m[1]!);
}

describe('load scenarios as data (test/load/scenarios.json, ADR 0083)', () => {
  it('has the shape both runners read', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it.each(HOT_PATHS)('covers the hot path %s (issue 23 item 6)', (hotPath) => {
    expect(scenarios.filter((s) => s.hotPath === hotPath).map((s) => s.name)).not.toEqual([]);
  });

  it('names each scenario once', () => {
    const names = scenarios.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses only the placeholders lib/scenario-template.mjs expands, and {{subject}} only with subjects to draw from', () => {
    for (const s of scenarios) {
      const used = placeholders({ request: s.request, setup: s.setup, baseline: s.baseline });
      expect({ scenario: s.name, unknown: used.filter((name) => !PLACEHOLDER.test(name)) }).toEqual({ scenario: s.name, unknown: [] });
      if (used.includes('subject')) expect(s.setup?.subjects?.count ?? 0).toBeGreaterThan(0);
    }
  });

  it('starts the gateway wherever a scenario sends HTTP requests, and binds SQL parameters only to its subjects', () => {
    for (const s of scenarios) {
      if (s.driver !== 'position-stream')
        expect({ scenario: s.name, gateway: s.platform.apps.includes('gateway') }).toEqual({ scenario: s.name, gateway: true });
      for (const sql of s.setup?.sql ?? []) {
        expect(sql).not.toMatch(/\$[2-9]/);
        if (sql.includes('$1')) expect(s.setup?.subjects).toBeDefined();
      }
    }
  });

  it('measures permit submission at 50 requests/s against p95 under 100 ms (issue 18 "Speed")', () => {
    const permit = scenarios.find((s) => s.hotPath === 'permit-submission');
    expect(permit?.driver).toBe('http');
    if (permit?.driver !== 'http') return;
    expect(permit.load).toMatchObject({ model: 'open', ratePerSecond: 50 });
    expect(permit.targets).toContainEqual(expect.objectContaining({ metric: 'p95Ms', below: 100 }));
    expect(permit.platform.apps).toEqual(expect.arrayContaining(['gateway', 'permits', 'joint-measures']));
  });

  it('is never run by npm test: `npm run bench` runs it, and no jest project or test script reaches the runner', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.bench).toContain('test/load/bench.mjs');
    expect(pkg.scripts.test).not.toContain('bench');
    expect(readFileSync(join(ROOT, 'scripts', 'test.sh'), 'utf8')).not.toContain('test/load');
  });
});
