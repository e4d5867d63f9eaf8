import { compileScheme, CompiledScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { SHIPPED_SCHEMES, XUCHANG_TAXI_STARS } from './shipped-schemes';

/*
 * Xuchang taxi stars (seed 002 案例3 许昌; DOMAIN.md §3 taxi drivers, §4 信易+充电). Expected
 * scores and stars are computed by hand from 交运规〔2022〕2号 (base 20, bonus ≤ 10, floor 0) and
 * the thresholds reused from Zhengzhou as a placeholder (≥ 25 → 5★, 20–24 → 4★, 11–19 → 3★,
 * 4–10 → 2★, 1–3 → 1★, ≤ 0 → no star). Evaluation instant 2026-11-21 noon China time: cycle 2026.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');

function compiled(): CompiledScheme {
  const result = compileScheme(structuredClone(XUCHANG_TAXI_STARS));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scheme;
}

let sequence = 0;
function record(type: string, severity: string, payload: Record<string, unknown> = {}, decisionDate = '2026-11-02'): RecordFact {
  sequence += 1;
  return { id: `x${sequence}`, type, severity, decisionDate, payload, receivedAt: `${decisionDate}T09:00:00+08:00` };
}

const times = (n: number, make: () => RecordFact) => Array.from({ length: n }, make);

describe('Xuchang taxi stars (seed 002 案例3)', () => {
  const scheme = compiled();
  const grade = (records: RecordFact[]) => {
    const result = evaluateSubject(scheme, {
      subject: { id: 'D1', kind: 'person', region: '411000', lists: [], registeredOn: '2020-01-01' },
      records,
      at: AT,
    });
    return { score: result.score, grade: result.grade };
  };

  it('is shipped for Xuchang taxi drivers on the stars ladder, on the law’s year cycle', () => {
    expect(SHIPPED_SCHEMES).toContain(XUCHANG_TAXI_STARS);
    expect(XUCHANG_TAXI_STARS).toMatchObject({ regions: ['411000'], sectors: ['taxi'], subjectKinds: ['person'], cycle: { kind: 'year' } });
    expect(XUCHANG_TAXI_STARS.ladder.id).toBe('stars');
    expect(XUCHANG_TAXI_STARS.notes?.join(' ')).toMatch(/[Pp]laceholder/);
  });

  it('a clean driver keeps the base 20 points: 4★ (charging at 60 %)', () => {
    expect(grade([])).toEqual({ score: 20, grade: '4' });
  });

  it('two provincial commendations: 20 + 5 + 5 = 30 → 5★ (charging at 50 %)', () => {
    expect(grade(times(2, () => record('commendation', 'minor', { level: 'provincial' })))).toEqual({ score: 30, grade: '5' });
  });

  it('the bonus is held to +10: three provincial commendations still give 30', () => {
    expect(grade(times(3, () => record('commendation', 'minor', { level: 'provincial' })))).toEqual({ score: 30, grade: '5' });
  });

  it('one municipal commendation: 20 + 2 = 22 → 4★; a 25-point driver is 5★', () => {
    expect(grade([record('commendation', 'minor', { level: 'city' })])).toEqual({ score: 22, grade: '4' });
    expect(grade([record('commendation', 'minor', { level: 'provincial' })])).toEqual({ score: 25, grade: '5' });
  });

  it('a severe penalty: 20 − 10 = 10 → 2★; a general complaint and a general penalty: 20 − 3 − 5 = 12 → 3★ (charging at 70 %)', () => {
    expect(grade([record('administrative-penalty', 'severe')])).toEqual({ score: 10, grade: '2' });
    expect(grade([record('confirmed-complaint', 'general'), record('administrative-penalty', 'general')])).toEqual({ score: 12, grade: '3' });
  });

  it('a responsible accident (−20) and more never go below 0: no star', () => {
    expect(grade([record('accident', 'severe', { responsibility: 'main' }), record('confirmed-complaint', 'minor')])).toEqual({ score: 0, grade: '0' });
  });

  it('records of last year do not count in this year’s cycle', () => {
    expect(grade([record('administrative-penalty', 'severe', {}, '2025-12-20')])).toEqual({ score: 20, grade: '4' });
  });
});
