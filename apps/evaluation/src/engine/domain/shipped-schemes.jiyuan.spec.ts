import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { JIYUAN_DRIVING_SCHOOL } from './shipped-schemes';

/*
 * Jiyuan driving schools (seed 002 案例5, 济源示范区驾培机构质量信誉考核): scored on four aspects
 * (经营管理、经营行为、服务质量、社会责任) and graded AAA/AA/A/B. The seed gives no points: this
 * version's placeholders are base 100, AAA ≥ 90, AA 80–<90, A 70–<80, B < 70, penalties
 * −5/−10/−20, complaints and platform violations −2/−5/−10, a responsible accident −20.
 * Expected values are computed by hand from those numbers.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(JIYUAN_DRIVING_SCHOOL));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}): RecordFact => ({
  id: `j${++n}`,
  type,
  severity,
  decisionDate: '2026-10-02',
  payload,
  receivedAt: '2026-10-03T09:00:00+08:00',
});
const grade = (records: RecordFact[]) => {
  const r = evaluateSubject(scheme, {
    subject: { id: 'S1', kind: 'org', region: '419001', lists: [], registeredOn: '2020-01-01' },
    records,
    at: AT,
  });
  return { score: r.score, grade: r.grade };
};

describe('Jiyuan driving school grades (seed 002 案例5)', () => {
  it('grades on the AAA-B ladder the draw plan uses (AAA/AA/A/B), for driving schools in 419001', () => {
    expect(JIYUAN_DRIVING_SCHOOL.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS['AAA-B']]);
    expect(JIYUAN_DRIVING_SCHOOL.sectors).toEqual(['driving-school']);
    expect(JIYUAN_DRIVING_SCHOOL.regions).toEqual(['419001']);
  });

  it('a school without records keeps 100: AAA', () => {
    expect(grade([])).toEqual({ score: 100, grade: 'AAA' });
  });

  it('100 − 10 (general penalty) − 2 (minor complaint) = 88: AA', () => {
    expect(grade([record('administrative-penalty', 'general'), record('confirmed-complaint', 'minor')])).toEqual({ score: 88, grade: 'AA' });
  });

  it('100 − 20 (severe penalty) − 5 (general platform violation) = 75: A', () => {
    expect(grade([record('administrative-penalty', 'severe'), record('monitoring-violation', 'general')])).toEqual({ score: 75, grade: 'A' });
  });

  it('100 − 20 (severe penalty) − 20 (responsible accident) = 60: B; an accident without responsibility costs nothing', () => {
    expect(
      grade([
        record('administrative-penalty', 'severe'),
        record('accident', 'general', { responsibility: 'main' }),
        record('accident', 'general', { responsibility: 'none' }),
      ]),
    ).toEqual({ score: 60, grade: 'B' });
  });

  it('band edges: exactly 90 is AAA, exactly 70 is A', () => {
    expect(grade([record('administrative-penalty', 'general')])).toEqual({ score: 90, grade: 'AAA' });
    expect(grade([record('administrative-penalty', 'severe'), record('administrative-penalty', 'general')])).toEqual({ score: 70, grade: 'A' });
  });
});
