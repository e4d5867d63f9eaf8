import { GRADE_LADDERS, SECTORS } from '@domain/credit';
import { compileScheme, CompiledScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { JIAOZUO_GENERAL_CARGO_CODES, SHIPPED_SCHEMES } from './shipped-schemes';

/*
 * Jiaozuo general-cargo red/yellow/green codes (seed 002 案例4: 9 大项 42 小项，千分制，“红黄绿”评价;
 * DOMAIN.md §3: quarterly, 1000-point scale). Expected scores are computed by hand from the rule
 * text below (1000 minus the deductions; green ≥ 900, yellow 800–<900, red < 800), not by running
 * the engine. Evaluation instant: 2026-11-21 noon China time → cycle 2026-Q4 (Oct–Dec).
 */
const AT = new Date('2026-11-21T12:00:00+08:00');

function compiled(): CompiledScheme {
  const result = compileScheme(structuredClone(JIAOZUO_GENERAL_CARGO_CODES));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scheme;
}

let sequence = 0;
function record(type: string, severity: string, overrides: Partial<RecordFact> = {}): RecordFact {
  sequence += 1;
  return {
    id: `j${String(sequence).padStart(4, '0')}`,
    type,
    severity,
    decisionDate: '2026-11-02',
    payload: {},
    receivedAt: '2026-11-03T09:00:00+08:00',
    ...overrides,
  };
}
const times = (n: number, make: () => RecordFact) => Array.from({ length: n }, make);

describe('Jiaozuo general-cargo codes (seed 002 案例4)', () => {
  const scheme = compiled();
  const grade = (records: RecordFact[]) => {
    const result = evaluateSubject(scheme, { subject: { id: 'C1', kind: 'org', region: '410800', lists: [] }, records, at: AT });
    return { score: result.score, grade: result.grade, result };
  };

  it('is shipped under the id the joint-measures mappings name, for Jiaozuo general-cargo carriers, on the traffic-light ladder, quarterly', () => {
    expect(SHIPPED_SCHEMES).toContain(JIAOZUO_GENERAL_CARGO_CODES);
    expect(JIAOZUO_GENERAL_CARGO_CODES).toMatchObject({
      id: 'jiaozuo-general-cargo',
      regions: ['410800'],
      sectors: ['general-cargo'],
      subjectKinds: ['org'],
      cycle: { kind: 'quarter' },
      scoring: { kind: 'points', base: 1000, floor: 0, ceiling: 1000 },
      ladder: { id: 'traffic-light' },
    });
    expect(SECTORS).toContain('general-cargo');
    // The mappings name red, yellow and green (shipped-measures.ts jiaozuo.*): the ladder's grades, all reachable.
    expect(JIAOZUO_GENERAL_CARGO_CODES.ladder.rungs.map((r) => r.grade).sort()).toEqual([...GRADE_LADDERS['traffic-light']].sort());
    expect(JIAOZUO_GENERAL_CARGO_CODES.sources.join('\n')).toContain('9 大项，42 小项，采取千分制评分');
    expect(JIAOZUO_GENERAL_CARGO_CODES.notes?.filter((n) => n.startsWith('placeholder'))).toHaveLength(2);
  });

  it('a carrier with no records keeps the full 1000 points: green', () => {
    expect(grade([])).toMatchObject({ score: 1000, grade: 'green' });
  });

  it('1000 − 3 × 30 (general penalties) = 910: still green; a fourth makes 880: yellow', () => {
    expect(grade(times(3, () => record('administrative-penalty', 'general')))).toMatchObject({ score: 910, grade: 'green' });
    expect(grade(times(4, () => record('administrative-penalty', 'general')))).toMatchObject({ score: 880, grade: 'yellow' });
  });

  it('a severe responsible accident (−200) leaves exactly 800: yellow; one more minor complaint (−5) makes 795: red', () => {
    const accident = () => record('accident', 'severe', { payload: { responsibility: 'main' } });
    expect(grade([accident()])).toMatchObject({ score: 800, grade: 'yellow' });
    const complaint = record('confirmed-complaint', 'minor');
    const red = grade([accident(), complaint]);
    expect(red).toMatchObject({ score: 795, grade: 'red' });
    expect(red.result.explanation.items.map((i) => [i.ruleId, i.points])).toEqual(
      expect.arrayContaining([
        ['responsible-accident', -200],
        ['complaint', -5],
      ]),
    );
  });

  it('an accident without responsibility deducts nothing', () => {
    expect(grade([record('accident', 'severe', { payload: { responsibility: 'none' } })])).toMatchObject({ score: 1000, grade: 'green' });
  });

  it('five severe penalties (5 × −50 = −250) make 750: red', () => {
    expect(grade(times(5, () => record('administrative-penalty', 'severe')))).toMatchObject({ score: 750, grade: 'red' });
  });

  it('动态监控系统使用: 20 severe alarms would deduct 400, the category deducts at most 300 → 700, red', () => {
    expect(grade(times(20, () => record('monitoring-violation', 'severe')))).toMatchObject({ score: 700, grade: 'red' });
  });

  it('安全生产隐患排查: notices deduct 10/20/40 by severity, at most 200 for the category', () => {
    expect(grade([record('inter-department-notice', 'minor'), record('inter-department-notice', 'general')])).toMatchObject({ score: 970, grade: 'green' });
    expect(grade(times(6, () => record('inter-department-notice', 'severe')))).toMatchObject({ score: 800, grade: 'yellow' });
  });

  it('a broken commitment deducts 50; records of last quarter do not count this quarter', () => {
    expect(grade([record('commitment-broken', 'general')])).toMatchObject({ score: 950, grade: 'green' });
    const lastQuarter = times(5, () => record('administrative-penalty', 'severe', { decisionDate: '2026-09-20', receivedAt: '2026-09-21T09:00:00+08:00' }));
    expect(grade(lastQuarter)).toMatchObject({ score: 1000, grade: 'green' });
  });
});
