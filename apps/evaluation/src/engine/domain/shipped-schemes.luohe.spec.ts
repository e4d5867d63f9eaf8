import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { LUOHE_BUS_CAPTAIN_STARS } from './shipped-schemes';

/*
 * Luohe bus captains (seed 002 案例2, 漯河“信用+公交”): 全员实施车长星级评审 … 根据考核分值确定当月星级；
 * 星级共分为1-5星. The seed gives the monthly cycle and the five stars, not the points: this
 * version's placeholders (scheme notes) are base 90, ceiling 100 with at most +10 bonus, complaints
 * −2/−5/−10, penalties and monitoring violations −5/−10/−20, a responsible accident −30, each
 * weekly star (每周之星) +5; 5★ ≥ 95, 4★ 90–<95, 3★ 80–<90, 2★ 70–<80, 1★ 60–<70, below 60 no star.
 * Expected values are computed by hand from those numbers.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(LUOHE_BUS_CAPTAIN_STARS));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}): RecordFact => ({
  id: `l${++n}`,
  type,
  severity,
  decisionDate: '2026-11-05',
  payload,
  receivedAt: '2026-11-06T09:00:00+08:00',
});
const stars = (records: RecordFact[]) => {
  const r = evaluateSubject(scheme, {
    subject: { id: 'P1', kind: 'person', region: '411102', lists: [], registeredOn: '2018-01-01' },
    records,
    at: AT,
  });
  return { score: r.score, grade: r.grade };
};

describe('Luohe bus captain stars (seed 002 案例2)', () => {
  it('rates bus captains of 411100 monthly on the stars ladder (月度考评周期 … 确定当月星级)', () => {
    expect(LUOHE_BUS_CAPTAIN_STARS.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS.stars]);
    expect(LUOHE_BUS_CAPTAIN_STARS).toMatchObject({ subjectKinds: ['person'], regions: ['411100'], sectors: ['bus'], cycle: { kind: 'month' } });
  });

  it('marks its invented numbers as placeholders', () => {
    expect(LUOHE_BUS_CAPTAIN_STARS.notes?.[0]).toMatch(/^placeholder: /);
  });

  it('a captain without records keeps the base 90: 4★', () => {
    expect(stars([])).toEqual({ score: 90, grade: '4' });
  });

  it('a weekly star (拾金不昧…每周之星, +5) lifts 90 to 95: 5★', () => {
    expect(stars([record('commendation', 'minor')])).toEqual({ score: 95, grade: '5' });
  });

  it('bonuses stop at +10 and at the ceiling 100: three weekly stars give 100, not 105', () => {
    expect(stars([record('commendation', 'minor'), record('commendation', 'minor'), record('commendation', 'minor')])).toEqual({ score: 100, grade: '5' });
  });

  it('90 − 5 (general complaint) − 5 (minor penalty) = 80: 3★', () => {
    expect(stars([record('confirmed-complaint', 'general'), record('administrative-penalty', 'minor')])).toEqual({ score: 80, grade: '3' });
  });

  it('90 − 20 (severe monitoring violation) = 70: 2★; − 30 (responsible accident) more = 40: no star', () => {
    expect(stars([record('monitoring-violation', 'severe')])).toEqual({ score: 70, grade: '2' });
    expect(stars([record('monitoring-violation', 'severe'), record('accident', 'general', { responsibility: 'full' })])).toEqual({ score: 40, grade: '0' });
  });

  it('90 − 30 (responsible accident) = 60: 1★ (band edge); an accident without responsibility deducts nothing', () => {
    expect(stars([record('accident', 'general', { responsibility: 'main' })])).toEqual({ score: 60, grade: '1' });
    expect(stars([record('accident', 'general', { responsibility: 'none' })])).toEqual({ score: 90, grade: '4' });
  });
});
