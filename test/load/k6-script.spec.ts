import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// k6 cannot be installed here, so its script (test/load/k6/scenario.js) is checked by a dry run
// under Node with stand-ins for k6's modules (test/load/k6/dry-run.mjs): for every scenario of
// test/load/scenarios.json it must load, turn the targets into thresholds, and send the requests
// the scenario describes (ADR 0083).

interface Template {
  method: string;
  path: string;
}
interface Scenario {
  name: string;
  driver: 'http' | 'ndjson-batches' | 'position-stream' | 'repair-chain';
  targets: { metric: string; below?: number }[];
  request: Template & { httpPath?: string; record?: Template; apply?: Template; approve?: Template; view?: Template };
  baseline: { request?: Template; bare?: string };
}
interface Case {
  scenario: string;
  side: 'scenario' | 'baseline';
  options?: { thresholds: Record<string, string[]> };
  requests: [string, string][];
  error?: string;
}

const scenarios = (JSON.parse(readFileSync(join(__dirname, 'scenarios.json'), 'utf8')) as { scenarios: Scenario[] }).scenarios;
const run = spawnSync(process.execPath, [join(__dirname, 'k6', 'dry-run.mjs')], { encoding: 'utf8' });
const cases: Case[] = run.stdout
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Case);
const caseOf = (name: string, side: Case['side']) => cases.find((c) => c.scenario === name && c.side === side);

/** A request template as a pattern: placeholders ({{…}} and {name}) stand for one path segment. */
function route({ method, path }: Template): [string, RegExp] {
  const pattern = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{[^}]+\}\}|\{[a-zA-Z]+\}/g, '[^/]+');
  return [method, new RegExp(`^${pattern}$`)];
}
const sent = (c: Case | undefined, template: Template) => {
  const [method, pattern] = route(template);
  return (c?.requests ?? []).some(([m, path]) => m === method && pattern.test(path));
};

/** The requests a scenario's iteration must send, by driver. */
function expectedRequests(s: Scenario): Template[] {
  if (s.driver === 'position-stream') return [{ method: 'POST', path: s.request.httpPath! }];
  if (s.driver === 'repair-chain') return [s.request.record!, s.request.apply!, s.request.approve!, { ...s.request.view!, method: 'GET' }];
  return [s.request];
}

describe('the k6 script reads test/load/scenarios.json (dry run, ADR 0083)', () => {
  it('runs to the end', () => {
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(cases).toHaveLength(scenarios.length * 2);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s: loads, sends the requests the data describes, and makes its latency targets thresholds', (_, s) => {
    const c = caseOf(s.name, 'scenario');
    expect(c?.error).toBeUndefined();
    for (const template of expectedRequests(s)) expect({ template, sent: sent(c, template) }).toEqual({ template, sent: true });
    const thresholds = Object.values(c?.options?.thresholds ?? {}).flat();
    for (const t of s.targets.filter((target) => target.below !== undefined)) expect(thresholds).toContain(`p(${t.metric.slice(1, 3)})<${t.below}`);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s: its baseline side sends the baseline request, or says it runs only in the Node runner', (_, s) => {
    const c = caseOf(s.name, 'baseline');
    if (s.baseline.request) {
      expect(c?.error).toBeUndefined();
      expect(sent(c, s.baseline.request)).toBe(true);
    } else expect(c?.error).toContain('test/load/bench.mjs');
  });
});
