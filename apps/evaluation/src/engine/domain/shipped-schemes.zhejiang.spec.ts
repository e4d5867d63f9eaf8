import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { ZHEJIANG_INLAND_SHIP_SAFETY, ZHEJIANG_SHIP_POINT_STEPS, ZHEJIANG_SHIP_VALIDITY_MONTHS } from './shipped-schemes';

/*
 * Zhejiang inland ships (seed 004 案例6): seven categories (基本资质、交通事故、违法行为、安全检查、
 * 绿水积分、正向激励、负面清单), each indicator one of six point steps and one of three validity
 * periods, graded AA/A/B/C/D. The seed gives no step, period or band: this version's placeholders
 * are steps 2/5/10/15/25/40, periods 6/12/24 months, base 100, AA ≥ 105, A 95–<105, B 85–<95,
 * C 70–<85, D < 70. Expected values are computed by hand from those numbers.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(ZHEJIANG_INLAND_SHIP_SAFETY));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}, decisionDate = '2026-10-02'): RecordFact => ({
  id: `z${String(++n).padStart(3, '0')}`,
  type,
  severity,
  decisionDate,
  payload,
  receivedAt: '2026-10-03T09:00:00+08:00',
});
const inspection = (defects: number, detained: boolean, certificatesInvalid = false) =>
  record('ship-safety-inspection', detained ? 'general' : 'minor', { defects, detained, certificatesInvalid });
const grade = (records: RecordFact[], lists: string[] = []) => {
  const r = evaluateSubject(scheme, { subject: { id: 'CN20161234567', kind: 'vessel', region: '330000', lists }, records, at: AT });
  return { score: r.score, grade: r.grade };
};

describe('Zhejiang inland ship safety grades (seed 004 案例6)', () => {
  it('grades vessels of 330000 AA/A/B/C/D on a rolling window (实时动态评定)', () => {
    expect(ZHEJIANG_INLAND_SHIP_SAFETY.subjectKinds).toEqual(['vessel']);
    expect(ZHEJIANG_INLAND_SHIP_SAFETY.regions).toEqual(['330000']);
    expect(ZHEJIANG_INLAND_SHIP_SAFETY.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS['AA-D']]);
    expect(ZHEJIANG_INLAND_SHIP_SAFETY.cycle.kind).toBe('rolling');
  });

  it('has six point steps and three validity periods, and every indicator uses exactly one of each (六档加减分值、三档有效期)', () => {
    expect(ZHEJIANG_SHIP_POINT_STEPS).toHaveLength(6);
    expect(ZHEJIANG_SHIP_VALIDITY_MONTHS).toHaveLength(3);
    const rules = ZHEJIANG_INLAND_SHIP_SAFETY.scoring.kind === 'points' ? ZHEJIANG_INLAND_SHIP_SAFETY.scoring.rules : [];
    for (const rule of rules) {
      expect({ rule: rule.id, step: (ZHEJIANG_SHIP_POINT_STEPS as readonly number[]).includes(Math.abs(rule.points as number)) }).toEqual({
        rule: rule.id,
        step: true,
      });
      expect(rule.validity.kind).toBe('months');
      if (rule.validity.kind === 'months') expect((ZHEJIANG_SHIP_VALIDITY_MONTHS as readonly number[]).includes(rule.validity.months)).toBe(true);
    }
  });

  it('covers all seven categories of the seed: six as point indicators, 负面清单 as list adjustments', () => {
    const rules = ZHEJIANG_INLAND_SHIP_SAFETY.scoring.kind === 'points' ? ZHEJIANG_INLAND_SHIP_SAFETY.scoring.rules : [];
    const categories = new Set(rules.map((r) => r.basis.split('：')[0]));
    expect([...categories]).toEqual(['基本资质', '交通事故', '违法行为', '安全检查', '绿水积分', '正向激励']);
    expect(ZHEJIANG_INLAND_SHIP_SAFETY.adjustments?.every((a) => a.basis.startsWith('负面清单'))).toBe(true);
    expect(ZHEJIANG_INLAND_SHIP_SAFETY.notes?.some((note) => note.startsWith('placeholder'))).toBe(true);
  });

  it('a ship with no findings keeps the base 100: A', () => {
    expect(grade([])).toEqual({ score: 100, grade: 'A' });
  });

  it('100 + 10 (provincial commendation, 正向激励) + 2 (pollutants above the baseline, 绿水积分) = 112: AA', () => {
    expect(grade([record('commendation', 'minor', { level: 'provincial' }), record('pollutant-delivery', 'minor', { baseline: 'above' })])).toEqual({
      score: 112,
      grade: 'AA',
    });
  });

  it('100 + 2 (clean inspection) = 102: A; 100 − 10 (general violation) = 90: B; 100 − 25 (severe violation) = 75: C', () => {
    expect(grade([inspection(0, false)])).toEqual({ score: 102, grade: 'A' });
    expect(grade([record('administrative-penalty', 'general')])).toEqual({ score: 90, grade: 'B' });
    expect(grade([record('administrative-penalty', 'severe')])).toEqual({ score: 75, grade: 'C' });
  });

  it('100 − 15 (detained) − 25 (certificate invalid, 基本资质) = 60: D; defects without detention cost 5', () => {
    expect(grade([inspection(4, true, true)])).toEqual({ score: 60, grade: 'D' });
    expect(grade([inspection(2, false)])).toEqual({ score: 95, grade: 'A' });
  });

  it('each validity period counts back from the evaluation day: 6, 12 or 24 months', () => {
    // Decided 2025-10-02, 13½ months before 2026-11-21: past the general violation's 12, within the severe one's 24.
    expect(grade([record('administrative-penalty', 'general', {}, '2025-10-02')])).toEqual({ score: 100, grade: 'A' });
    expect(grade([record('administrative-penalty', 'severe', {}, '2025-10-02')])).toEqual({ score: 75, grade: 'C' });
    // A minor violation of 2026-05-01 is past its 6 months.
    expect(grade([record('administrative-penalty', 'minor', {}, '2026-05-01')])).toEqual({ score: 100, grade: 'A' });
    expect(grade([record('administrative-penalty', 'minor', {}, '2026-06-01')])).toEqual({ score: 98, grade: 'A' });
  });

  it('负面清单: the severe-dishonesty list sets D, the key-watch list caps at C (placeholders)', () => {
    const best = [record('commendation', 'minor', { level: 'national' })];
    expect(grade(best, ['severe-dishonesty'])).toEqual({ score: 110, grade: 'D' });
    expect(grade(best, ['key-watch'])).toEqual({ score: 110, grade: 'C' });
  });
});
