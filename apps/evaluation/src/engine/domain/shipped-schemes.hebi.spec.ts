import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { HEBI_FLEET } from './shipped-schemes';

/*
 * Hebi fleets (seed 002 案例6, 信易+维修): 客货运企业 graded 3A/2A/A get 20 %/10 %/5 % off repair
 * labour. The seed gives the grades, not the scoring: this version's placeholders are base 1000,
 * AAA ≥ 850, AA 700–<850, A 600–<700, B < 600, penalties −20/−50/−100, a responsible accident
 * −100 (severe −200), complaints/monitoring/broken commitments −5/−10/−20. Expected values are
 * computed by hand from those numbers.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(HEBI_FLEET));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}): RecordFact => ({
  id: `h${++n}`,
  type,
  severity,
  decisionDate: '2026-10-02',
  payload,
  receivedAt: '2026-10-03T09:00:00+08:00',
});
const grade = (records: RecordFact[]) => {
  const r = evaluateSubject(scheme, {
    subject: { id: 'S1', kind: 'org', region: '410600', lists: [], registeredOn: '2020-01-01' },
    records,
    at: AT,
  });
  return { score: r.score, grade: r.grade };
};

describe('Hebi fleet grades (seed 002 案例6)', () => {
  it('grades passenger and freight carriers of 410600 on the AAA-B ladder the repair-labour mappings name', () => {
    expect(HEBI_FLEET.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS['AAA-B']]);
    expect(HEBI_FLEET.sectors).toEqual(['road-passenger', 'general-cargo', 'hazardous-goods', 'oversize-transport']);
    expect(HEBI_FLEET.regions).toEqual(['410600']);
  });

  it('a fleet without records keeps 1000: AAA (3A, 20 % off labour)', () => {
    expect(grade([])).toEqual({ score: 1000, grade: 'AAA' });
  });

  it('1000 − 100 (severe penalty) − 100 (responsible accident) = 800: AA', () => {
    expect(grade([record('administrative-penalty', 'severe'), record('accident', 'general', { responsibility: 'full' })])).toEqual({
      score: 800,
      grade: 'AA',
    });
  });

  it('1000 − 200 (severe responsible accident) − 100 (severe penalty) − 50 (general penalty) = 650: A', () => {
    expect(
      grade([
        record('accident', 'severe', { responsibility: 'main' }),
        record('administrative-penalty', 'severe'),
        record('administrative-penalty', 'general'),
      ]),
    ).toEqual({ score: 650, grade: 'A' });
  });

  it('1000 − 2 × 200 (severe responsible accidents) − 20 (severe complaint) = 580: B (no discount)', () => {
    expect(
      grade([
        record('accident', 'severe', { responsibility: 'full' }),
        record('accident', 'severe', { responsibility: 'equal' }),
        record('confirmed-complaint', 'severe'),
      ]),
    ).toEqual({ score: 580, grade: 'B' });
  });

  it('band edge: exactly 850 is AAA', () => {
    expect(grade([record('administrative-penalty', 'severe'), record('confirmed-complaint', 'general'), record('administrative-penalty', 'general')])).toEqual({
      score: 840,
      grade: 'AA',
    });
    expect(grade([record('administrative-penalty', 'severe'), record('administrative-penalty', 'general')])).toEqual({ score: 850, grade: 'AAA' });
  });
});
