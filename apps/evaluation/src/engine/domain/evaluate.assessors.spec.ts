import { compileScheme, CompiledScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import type { AssessorWeights, Indicator, SchemeDocument } from './scheme-document';

/*
 * Multi-assessor indicators and drill-down lines (scheme-document.ts AssessorWeights, DrillDown).
 * Weights 0.5 / 0.3 / 0.2 are test numbers; every expected value is worked out by hand in the
 * test's comment: value = Σ weight × score / 100 / (weights that count), points = 100 × value.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');

function scheme(indicators: Indicator[]): CompiledScheme {
  const document: SchemeDocument = {
    id: 'test-assessors',
    name: { zh: '测试', en: 'Test' },
    sources: ['test'],
    subjectKinds: ['org'],
    regions: ['350000'],
    cycle: { kind: 'year' },
    scoring: { kind: 'indicators', scale: 100, indicators },
    ladder: {
      id: 'AA-D',
      rungs: [
        { grade: 'AA', min: 90 },
        { grade: 'A', min: 80, max: 90 },
        { grade: 'B', min: 60, max: 80 },
        { grade: 'C', min: 40, max: 60 },
        { grade: 'D', max: 40 },
      ],
    },
  };
  const result = compileScheme(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scheme;
}

const weights = (whenMissing: AssessorWeights['whenMissing']): AssessorWeights => ({
  roles: [
    { role: 'project-owner', weight: 0.5 },
    { role: 'competent-authority', weight: 0.3 },
    { role: 'quality-supervision', weight: 0.2 },
  ],
  whenMissing,
});
const assessed = (whenMissing: AssessorWeights['whenMissing']) =>
  scheme([{ id: 'assessment', weight: 1, assessments: weights(whenMissing), basis: '综合评分' }]);

let n = 0;
const assessment = (assessorRole: string, score: number, decisionDate = '2026-10-02'): RecordFact => ({
  id: `a${String(++n).padStart(3, '0')}`,
  type: 'credit-assessment',
  severity: 'minor',
  decisionDate,
  payload: { assessorRole, assessor: assessorRole, project: 'P', score },
  receivedAt: `${decisionDate}T12:00:00+08:00`,
});
const subject = { id: 'S', kind: 'org' as const, region: '350100', lists: [] };
const run = (s: CompiledScheme, records: RecordFact[]) => evaluateSubject(s, { subject, records, at: AT });
const lines = (result: ReturnType<typeof run>) =>
  result.explanation.items.filter((i) => i.ruleId !== 'assessment').map((i) => ({ ruleId: i.ruleId, points: i.points }));

describe('multi-assessor indicators', () => {
  it('weights every assessor: 0.5 × 90 + 0.3 × 80 + 0.2 × 70 = 83 → A, one line per assessment', () => {
    const result = run(assessed('reweight'), [assessment('project-owner', 90), assessment('competent-authority', 80), assessment('quality-supervision', 70)]);
    expect({ score: result.score, grade: result.grade }).toEqual({ score: 83, grade: 'A' });
    expect(lines(result)).toEqual([
      { ruleId: 'assessment/project-owner', points: 45 },
      { ruleId: 'assessment/competent-authority', points: 24 },
      { ruleId: 'assessment/quality-supervision', points: 14 },
    ]);
  });

  it('reweight: a silent assessor drops out, the others keep their proportions: (45 + 24) / 0.8 = 86.25', () => {
    const result = run(assessed('reweight'), [assessment('project-owner', 90), assessment('competent-authority', 80)]);
    expect(result.score).toBe(86.25);
    expect(lines(result)).toEqual([
      { ruleId: 'assessment/quality-supervision', points: 0 },
      { ruleId: 'assessment/project-owner', points: 56.25 },
      { ruleId: 'assessment/competent-authority', points: 30 },
    ]);
    expect(result.explanation.items.find((i) => i.ruleId === 'assessment/quality-supervision')?.note).toContain('drops out');
  });

  it('zero: a silent assessor counts 0 at its published weight: 45 + 24 + 0 = 69 → B', () => {
    const result = run(assessed('zero'), [assessment('project-owner', 90), assessment('competent-authority', 80)]);
    expect({ score: result.score, grade: result.grade }).toEqual({ score: 69, grade: 'B' });
  });

  it('several assessments by one role count as their mean: owner (90 + 80) / 2 = 85 → 42.5 + 24 + 14 = 80.5', () => {
    const result = run(assessed('reweight'), [
      assessment('project-owner', 90),
      assessment('project-owner', 80),
      assessment('competent-authority', 80),
      assessment('quality-supervision', 70),
    ]);
    expect(result.score).toBe(80.5);
    expect(lines(result).slice(0, 2)).toEqual([
      { ruleId: 'assessment/project-owner', points: 22.5 },
      { ruleId: 'assessment/project-owner', points: 20 },
    ]);
  });

  it('ignores, with a line saying so, assessments by a role the scheme does not weight and last cycle’s', () => {
    const result = run(assessed('reweight'), [
      assessment('design-consultant', 10),
      assessment('project-owner', 40, '2025-12-30'),
      assessment('project-owner', 90),
    ]);
    // Only the owner's 2026 score counts, alone: 0.5 × 90 / 0.5 = 90.
    expect(result.score).toBe(90);
    expect(result.explanation.items.find((i) => i.ruleId === 'assessment/design-consultant')).toMatchObject({
      points: 0,
      note: expect.stringContaining('no weight'),
    });
  });

  it('no weighted assessor has assessed: the indicator counts 0, and says why', () => {
    const result = run(assessed('reweight'), []);
    expect(result.score).toBe(0);
    expect(result.explanation.items.map((i) => i.note)).toContain('no weighted assessor has assessed this cycle: the indicator counts 0');
  });

  it('mixes with formula indicators by weight: assessment 83 × 3/4 + formula 1.0 × 1/4 = 87.25', () => {
    const s = scheme([
      { id: 'assessment', weight: 3, assessments: weights('reweight'), basis: '综合评分' },
      { id: 'no-accident', weight: 1, value: "records.exists(r, r.type == 'accident') ? 0.0 : 1.0", basis: '无事故' },
    ]);
    const result = run(s, [assessment('project-owner', 90), assessment('competent-authority', 80), assessment('quality-supervision', 70)]);
    expect(result.score).toBe(87.25);
  });
});

describe('indicator drill-down', () => {
  it('lists each record behind an indicator with its share of the points lost, naming the vehicle', () => {
    const s = scheme([
      {
        id: 'violations',
        weight: 1,
        value: "1.0 - double(records.filter(r, r.inCycle && r.type == 'monitoring-violation').size()) / 4.0",
        drillDown: { recordTypes: ['monitoring-violation'] },
        basis: '每条违法扣四分之一',
      },
    ]);
    const violation = (id: string, plate: string): RecordFact => ({
      id,
      type: 'monitoring-violation',
      severity: 'general',
      decisionDate: '2026-10-02',
      payload: { plate, plateColour: 'yellow' },
      receivedAt: '2026-10-02T12:00:00+08:00',
    });
    // 2 of 4: value 0.5, 50 points earned, 50 lost → 25 per record.
    const result = run(s, [violation('v1', '闽A12345'), violation('v2', '闽A54321')]);
    expect(result.score).toBe(50);
    expect(result.explanation.items.slice(1)).toEqual([
      expect.objectContaining({
        ruleId: 'violations/drill-down',
        recordId: 'v1',
        points: -25,
        note: 'one of 2 records behind violations: vehicle 闽A12345 (yellow)',
      }),
      expect.objectContaining({
        ruleId: 'violations/drill-down',
        recordId: 'v2',
        points: -25,
        note: 'one of 2 records behind violations: vehicle 闽A54321 (yellow)',
      }),
    ]);
  });
});

describe('compiling multi-assessor indicators', () => {
  const base = (indicator: Record<string, unknown>) => ({
    id: 'bad',
    name: { zh: '坏', en: 'Bad' },
    sources: ['test'],
    subjectKinds: ['org'],
    regions: ['350000'],
    cycle: { kind: 'year' },
    scoring: { kind: 'indicators', scale: 100, indicators: [{ id: 'x', weight: 1, basis: 'b', ...indicator }] },
    ladder: { id: 'risk', rungs: [{ grade: 'low' }] },
  });
  const problems = (indicator: Record<string, unknown>) => {
    const result = compileScheme(base(indicator));
    return result.ok ? [] : result.problems.map((p) => ({ field: p.field, code: p.code }));
  };

  it('refuses an indicator with both a formula and assessors, or neither', () => {
    expect(problems({ value: '1.0', assessments: weights('zero') })).toEqual([{ field: 'scoring.indicators[0]', code: 'INDICATOR_VALUE' }]);
    expect(problems({})).toEqual([{ field: 'scoring.indicators[0]', code: 'INDICATOR_VALUE' }]);
  });

  it('names an unknown or repeated assessor role, and an unknown whenMissing', () => {
    const roles = [
      { role: 'regulator', weight: 1 },
      { role: 'project-owner', weight: 1 },
      { role: 'project-owner', weight: 2 },
    ];
    expect(problems({ assessments: { roles, whenMissing: 'zero' } })).toEqual([
      { field: 'scoring.indicators[0].assessments.roles[0].role', code: 'UNKNOWN_ASSESSOR_ROLE' },
      { field: 'scoring.indicators[0].assessments.roles[2].role', code: 'DUPLICATE_ID' },
    ]);
    expect(problems({ assessments: { roles: [{ role: 'project-owner', weight: 1 }], whenMissing: 'skip' } })).toEqual([
      { field: 'scoring.indicators[0].assessments.whenMissing', code: 'SCHEMA_ENUM' },
    ]);
  });

  it('checks drill-down record types and conditions', () => {
    expect(problems({ value: '1.0', drillDown: { recordTypes: ['traffic-violation'] } })).toEqual([
      { field: 'scoring.indicators[0].drillDown.recordTypes[0]', code: 'UNKNOWN_RECORD_TYPE' },
    ]);
    expect(problems({ value: '1.0', drillDown: { recordTypes: ['accident'], when: 'record.severity' } })).toEqual([
      { field: 'scoring.indicators[0].drillDown.when', code: 'EXPRESSION_TYPE' },
    ]);
  });
});
