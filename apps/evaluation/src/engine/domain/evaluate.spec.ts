import { compileScheme, CompiledScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import type { SchemeDocument } from './scheme-document';

/** Engine mechanics that the shipped schemes do not exercise: validity windows, clamps, warnings, determinism. */
const AT = new Date('2026-11-21T12:00:00+08:00');

function scheme(overrides: Partial<SchemeDocument>): CompiledScheme {
  const document: SchemeDocument = {
    id: 'test-scheme',
    name: { zh: '测试', en: 'Test' },
    sources: ['test'],
    subjectKinds: ['org'],
    regions: ['410000'],
    cycle: { kind: 'year' },
    scoring: { kind: 'points', base: 100, floor: 0, ceiling: 100, rules: [] },
    ladder: {
      id: 'risk',
      rungs: [
        { grade: 'low', min: 80 },
        { grade: 'medium', min: 50, max: 80 },
        { grade: 'high', max: 50 },
      ],
    },
    ...overrides,
  };
  const result = compileScheme(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scheme;
}

const rec = (id: string, decisionDate: string, payload: Record<string, unknown> = {}): RecordFact => ({
  id,
  type: 'administrative-penalty',
  severity: 'general',
  decisionDate,
  payload,
  receivedAt: `${decisionDate}T12:00:00+08:00`,
});

const subject = { id: 'S', kind: 'org' as const, region: '410100', lists: [] };

describe('evaluateSubject', () => {
  it('a months validity reaches back across the cycle boundary; a cycle validity does not', () => {
    const s = scheme({
      scoring: {
        kind: 'points',
        base: 100,
        floor: 0,
        ceiling: 100,
        rules: [{ id: 'penalty-12m', recordTypes: ['administrative-penalty'], points: -10, validity: { kind: 'months', months: 12 }, basis: 'b' }],
      },
    });
    const records = [rec('a', '2025-11-21'), rec('b', '2025-11-22'), rec('c', '2026-11-20')];
    expect(evaluateSubject(s, { subject, records, at: AT }).explanation.items.map((i) => i.recordId)).toEqual(['b', 'c']);
  });

  it('weights indicators and clamps values outside [0, 1], saying so', () => {
    const s = scheme({
      scoring: {
        kind: 'indicators',
        scale: 1000,
        indicators: [
          { id: 'violations-per-record', weight: 3, value: '1.0 - double(records.size()) / 2.0', basis: 'b' },
          { id: 'always-good', weight: 1, value: '1.5', basis: 'b' },
        ],
      },
      ladder: {
        id: 'risk',
        rungs: [
          { grade: 'low', min: 800 },
          { grade: 'medium', min: 500, max: 800 },
          { grade: 'high', max: 500 },
        ],
      },
    });
    const result = evaluateSubject(s, { subject, records: [rec('a', '2026-01-05'), rec('b', '2026-01-06'), rec('c', '2026-01-07')], at: AT });
    // 1 − 3/2 = −0.5 → clamped to 0 (weight 3/4: 0 points); 1.5 → 1 (weight 1/4: 250 points).
    expect({ score: result.score, grade: result.grade }).toEqual({ score: 250, grade: 'high' });
    expect(result.explanation.items.map((i) => i.note)).toEqual(['value 0 × weight 3/4 (clamped from -0.5)', 'value 1 × weight 1/4 (clamped from 1.5)']);
  });

  it('a condition that cannot be evaluated for a record counts as not met, with a warning', () => {
    const s = scheme({
      scoring: {
        kind: 'points',
        base: 100,
        floor: 0,
        ceiling: 100,
        rules: [
          {
            id: 'big-fine',
            recordTypes: ['administrative-penalty'],
            when: 'record.payload.fineAmountFen > 1000000',
            points: -30,
            validity: { kind: 'cycle' },
            basis: 'b',
          },
        ],
      },
    });
    const result = evaluateSubject(s, { subject, records: [rec('a', '2026-03-01', { fineAmountFen: 2000000 }), rec('b', '2026-03-02')], at: AT });
    expect(result.score).toBe(70);
    expect(result.explanation.warnings).toEqual(['rule big-fine on record b: No such key: fineAmountFen (treated as not met)']);
  });

  it('is deterministic: the same facts in another order give the same result', () => {
    const s = scheme({
      scoring: {
        kind: 'points',
        base: 100,
        floor: 0,
        ceiling: 100,
        rules: [{ id: 'p', recordTypes: ['administrative-penalty'], points: -5, validity: { kind: 'cycle' }, cap: 12, basis: 'b' }],
      },
    });
    const records = [rec('c', '2026-02-01'), rec('a', '2026-02-03'), rec('b', '2026-02-02')];
    const one = evaluateSubject(s, { subject, records, at: AT });
    const two = evaluateSubject(s, { subject, records: [...records].reverse(), at: AT });
    expect(two).toEqual(one);
    expect(one.explanation.items.map((i) => [i.recordId, i.points])).toEqual([
      ['a', -5],
      ['b', -5],
      ['c', -2],
    ]);
  });

  it('ignores records not yet received at the instant evaluated', () => {
    const s = scheme({
      scoring: {
        kind: 'points',
        base: 100,
        floor: 0,
        ceiling: 100,
        rules: [{ id: 'p', recordTypes: ['administrative-penalty'], points: -30, validity: { kind: 'cycle' }, basis: 'b' }],
      },
    });
    const late = { ...rec('a', '2026-02-01'), receivedAt: '2026-06-01T00:00:00+08:00' };
    expect(evaluateSubject(s, { subject, records: [late], at: new Date('2026-05-01T00:00:00+08:00') }).grade).toBe('low');
    expect(evaluateSubject(s, { subject, records: [late], at: AT }).grade).toBe('medium');
  });
});
