import { compileScheme } from './compile-scheme';
import { pointsDeductedInCycle } from './deductions';
import { evaluateSubject, RecordFact } from './evaluate';
import type { SchemeDocument } from './scheme-document';

const document: SchemeDocument = {
  id: 'test-scheme',
  name: { zh: '测试', en: 'Test' },
  sources: ['test'],
  subjectKinds: ['person'],
  regions: ['411300'],
  cycle: { kind: 'year' },
  scoring: {
    kind: 'points',
    base: 20,
    floor: 0,
    ceiling: 30,
    bonusCeiling: 2,
    rules: [
      { id: 'violation', recordTypes: ['administrative-penalty'], points: -6, validity: { kind: 'months', months: 24 }, basis: 'test' },
      { id: 'commendation', recordTypes: ['commendation'], points: 5, validity: { kind: 'cycle' }, basis: 'test' },
    ],
  },
  ladder: {
    id: 'risk',
    rungs: [
      { grade: 'low', min: 15 },
      { grade: 'medium', min: 5, max: 15 },
      { grade: 'high', max: 5 },
    ],
  },
};

const rec = (id: string, type: string, decisionDate: string): RecordFact => ({
  id,
  type,
  severity: 'general',
  decisionDate,
  payload: {},
  receivedAt: `${decisionDate}T12:00:00+08:00`,
});

describe('pointsDeductedInCycle', () => {
  const compiled = compileScheme(document);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const evaluate = (records: RecordFact[]) =>
    evaluateSubject(compiled.scheme, {
      subject: { id: 'S', kind: 'person', region: '411302', lists: [] },
      records,
      at: new Date('2026-03-01T12:00:00+08:00'),
      cycle: { label: '2025', start: '2025-01-01', end: '2025-12-31' },
    });

  it('counts the deductions of records decided inside the cycle, not older ones still valid, nor the bonus ceiling', () => {
    // 2024 violation still counts (24-month validity) but was deducted in 2024; the commendation
    // (+5, cut to +2 by the bonus ceiling: a −3 item without a record) is not a deduction.
    const result = evaluate([
      rec('a', 'administrative-penalty', '2024-10-01'),
      rec('b', 'administrative-penalty', '2025-02-01'),
      rec('c', 'administrative-penalty', '2025-12-31'),
      rec('d', 'commendation', '2025-05-01'),
    ]);
    expect(result.explanation.deductions).toBe(18);
    expect(pointsDeductedInCycle(result)).toBe(12);
  });

  it('is 0 without deductions', () => {
    expect(pointsDeductedInCycle(evaluate([rec('d', 'commendation', '2025-05-01')]))).toBe(0);
  });
});
