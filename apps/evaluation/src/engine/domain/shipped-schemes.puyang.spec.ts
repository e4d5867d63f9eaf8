import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { PUYANG_TAXI_FIRM } from './shipped-schemes';

/*
 * Puyang taxi firms (seed 002 案例10, 濮阳“信用+出租车”): 落实《出租汽车服务质量信誉考核办法》… 对巡游出租车公司
 * 进行考核; the result allocates operating rights (配置巡游车经营权指标). The seed gives no points:
 * this version's placeholders (scheme notes) are base 1000, penalties −20/−50/−100, a responsible
 * accident −100 (severe −200), complaints and monitoring violations −5/−10/−20; AAA ≥ 850,
 * AA 700–<850, A 600–<700, B < 600. Expected values are computed by hand from those numbers.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(PUYANG_TAXI_FIRM));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}): RecordFact => ({
  id: `p${++n}`,
  type,
  severity,
  decisionDate: '2026-06-02',
  payload,
  receivedAt: '2026-06-03T09:00:00+08:00',
});
const grade = (records: RecordFact[]) => {
  const r = evaluateSubject(scheme, {
    subject: { id: 'S1', kind: 'org', region: '410902', lists: [], registeredOn: '2015-01-01' },
    records,
    at: AT,
  });
  return { score: r.score, grade: r.grade };
};

describe('Puyang taxi firm grades (seed 002 案例10)', () => {
  it('grades taxi firms of 410900 yearly on the AAA-B ladder', () => {
    expect(PUYANG_TAXI_FIRM.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS['AAA-B']]);
    expect(PUYANG_TAXI_FIRM).toMatchObject({ subjectKinds: ['org'], regions: ['410900'], sectors: ['taxi'], cycle: { kind: 'year' } });
    expect(PUYANG_TAXI_FIRM.notes?.[0]).toMatch(/^placeholder: /);
  });

  it('a firm without records keeps 1000: AAA (优良, first for operating rights)', () => {
    expect(grade([])).toEqual({ score: 1000, grade: 'AAA' });
  });

  it('1000 − 100 (severe penalty) − 50 (general penalty) = 850: AAA (band edge)', () => {
    expect(grade([record('administrative-penalty', 'severe'), record('administrative-penalty', 'general')])).toEqual({ score: 850, grade: 'AAA' });
  });

  it('1000 − 200 (severe responsible accident) − 20 (severe complaint) = 780: AA', () => {
    expect(grade([record('accident', 'severe', { responsibility: 'full' }), record('confirmed-complaint', 'severe')])).toEqual({ score: 780, grade: 'AA' });
  });

  it('1000 − 4 × 100 (severe penalties) − 10 (general monitoring violation) = 590: B', () => {
    const penalties = [1, 2, 3, 4].map(() => record('administrative-penalty', 'severe'));
    expect(grade([...penalties, record('monitoring-violation', 'general')])).toEqual({ score: 590, grade: 'B' });
  });
});
