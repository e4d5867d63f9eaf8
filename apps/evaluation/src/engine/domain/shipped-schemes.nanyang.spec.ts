import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { NANYANG_TAXI_FIRM } from './shipped-schemes';

/*
 * Nanyang taxi firms (seed 000 南阳“无感审批”): 3A级及以上企业优先授予新增运力指标，2A企业经营延续时加分，
 * A级企业加强管理，B级企业停业整顿. The seed gives the grades, not the scoring: this version's
 * placeholders are base 1000, AAA ≥ 850, AA 700–<850, A 600–<700, B < 600, penalties and broken
 * commitments −20/−50/−100, a responsible accident −100 (severe −200), complaints/monitoring
 * −5/−10/−20. Expected values are computed by hand from those numbers.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(NANYANG_TAXI_FIRM));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}): RecordFact => ({
  id: `n${++n}`,
  type,
  severity,
  decisionDate: '2026-10-02',
  payload,
  receivedAt: '2026-10-03T09:00:00+08:00',
});
const grade = (records: RecordFact[]) => {
  const r = evaluateSubject(scheme, {
    subject: { id: 'S1', kind: 'org', region: '411300', lists: [], registeredOn: '2020-01-01' },
    records,
    at: AT,
  });
  return { score: r.score, grade: r.grade };
};

describe('Nanyang taxi firm grades (seed 000 南阳)', () => {
  it('grades taxi firms of 411300 on the AAA-B ladder the new-capacity mappings name', () => {
    expect(NANYANG_TAXI_FIRM.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS['AAA-B']]);
    expect(NANYANG_TAXI_FIRM.sectors).toEqual(['taxi']);
    expect(NANYANG_TAXI_FIRM.regions).toEqual(['411300']);
    expect(NANYANG_TAXI_FIRM.subjectKinds).toEqual(['org']);
  });

  it('a firm without records keeps 1000: AAA (3A, new capacity first)', () => {
    expect(grade([])).toEqual({ score: 1000, grade: 'AAA' });
  });

  it('1000 − 100 (severe penalty) − 100 (responsible accident) = 800: AA (2A)', () => {
    expect(grade([record('administrative-penalty', 'severe'), record('accident', 'general', { responsibility: 'full' })])).toEqual({
      score: 800,
      grade: 'AA',
    });
  });

  it('an accident without responsibility costs nothing', () => {
    expect(grade([record('accident', 'severe', { responsibility: 'none' })])).toEqual({ score: 1000, grade: 'AAA' });
  });

  it('1000 − 200 (severe responsible accident) − 100 (broken commitment, severe) − 50 (general penalty) = 650: A', () => {
    expect(
      grade([record('accident', 'severe', { responsibility: 'main' }), record('commitment-broken', 'severe'), record('administrative-penalty', 'general')]),
    ).toEqual({ score: 650, grade: 'A' });
  });

  it('1000 − 4 × 100 (severe penalties) − 20 (severe complaint) = 580: B (停业整顿)', () => {
    expect(
      grade([
        record('administrative-penalty', 'severe'),
        record('administrative-penalty', 'severe'),
        record('administrative-penalty', 'severe'),
        record('administrative-penalty', 'severe'),
        record('confirmed-complaint', 'severe'),
      ]),
    ).toEqual({ score: 580, grade: 'B' });
  });

  it('band edges: 850 is AAA, 840 is AA; 600 is A, 590 is B', () => {
    expect(grade([record('administrative-penalty', 'severe'), record('administrative-penalty', 'general')])).toEqual({ score: 850, grade: 'AAA' });
    expect(grade([record('administrative-penalty', 'severe'), record('administrative-penalty', 'general'), record('monitoring-violation', 'general')])).toEqual(
      {
        score: 840,
        grade: 'AA',
      },
    );
    const fourHundred = [1, 2, 3, 4].map(() => record('administrative-penalty', 'severe'));
    expect(grade(fourHundred)).toEqual({ score: 600, grade: 'A' });
    expect(grade([...fourHundred, record('confirmed-complaint', 'general')])).toEqual({ score: 590, grade: 'B' });
  });
});
