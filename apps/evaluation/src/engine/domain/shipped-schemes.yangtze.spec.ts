import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { YANGTZE_SHIPPING_FOUR_COLOUR } from './shipped-schemes';

/*
 * 信用长江 (seed 004 案例19): deduction behaviours from 安全生产事故、行政检查、行政处罚、三峡通航管理,
 * bonus behaviours from 安全监管、运输经营、绿色发展、荣誉表彰, green/blue/yellow/red. The seed gives
 * no points or bands: base 100, green ≥ 105, blue 90–<105, yellow 70–<90, red < 70 and every
 * point value are placeholders; expected values are computed by hand from them.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(YANGTZE_SHIPPING_FOUR_COLOUR));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}): RecordFact => ({
  id: `y${String(++n).padStart(3, '0')}`,
  type,
  severity,
  decisionDate: '2026-10-02',
  payload,
  receivedAt: '2026-10-03T09:00:00+08:00',
});
const grade = (records: RecordFact[]) => {
  const r = evaluateSubject(scheme, { subject: { id: 'CN20151234567', kind: 'vessel', region: '420100', lists: [] }, records, at: AT });
  return { score: r.score, grade: r.grade };
};

describe('Yangtze four-colour codes (seed 004 案例19)', () => {
  it('codes ships green/blue/yellow/red', () => {
    expect(YANGTZE_SHIPPING_FOUR_COLOUR.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS['four-colour']]);
    expect(YANGTZE_SHIPPING_FOUR_COLOUR.subjectKinds).toEqual(['vessel']);
  });

  it('has a deduction behaviour for each source the seed names and a bonus behaviour for each bonus area', () => {
    const rules = YANGTZE_SHIPPING_FOUR_COLOUR.scoring.kind === 'points' ? YANGTZE_SHIPPING_FOUR_COLOUR.scoring.rules : [];
    const areas = (prefix: string) => rules.filter((r) => r.basis.startsWith(prefix)).map((r) => r.basis.split('：')[0]!.split('·')[1]);
    expect(areas('失信扣分')).toEqual(['安全生产事故', '行政检查', '行政处罚', '三峡通航管理']);
    expect(areas('守信加分')).toEqual(['安全监管', '运输经营', '绿色发展', '荣誉表彰']);
  });

  it('no bonus, no deduction: 100, blue (the middle of the 纺锤形)', () => {
    expect(grade([])).toEqual({ score: 100, grade: 'blue' });
  });

  it('100 + 10 (provincial honour) = 110: green', () => {
    expect(grade([record('commendation', 'minor', { level: 'provincial' })])).toEqual({ score: 110, grade: 'green' });
  });

  it('100 − 20 (severe penalty) = 80: yellow; 100 − 5 (general penalty) = 95: blue', () => {
    expect(grade([record('administrative-penalty', 'severe')])).toEqual({ score: 80, grade: 'yellow' });
    expect(grade([record('administrative-penalty', 'general')])).toEqual({ score: 95, grade: 'blue' });
  });

  it('100 − 30 (severe responsible accident) − 10 (detained at inspection) = 60: red', () => {
    expect(
      grade([record('accident', 'severe', { responsibility: 'main' }), record('ship-safety-inspection', 'general', { defects: 5, detained: true })]),
    ).toEqual({
      score: 60,
      grade: 'red',
    });
  });

  it('三峡通航管理: a lock passage with a violation costs 5, an orderly one within the standard time earns 1; a clean inspection and pollutants delivered earn 1 and 2', () => {
    expect(grade([record('lock-passage', 'general', { violations: ['false-draught'], standardMinutes: 90, actualMinutes: 80 })])).toEqual({
      score: 95,
      grade: 'blue',
    });
    expect(grade([record('lock-passage', 'minor', { violations: [], standardMinutes: 90, actualMinutes: 80 })])).toEqual({ score: 101, grade: 'blue' });
    expect(
      grade([record('ship-safety-inspection', 'minor', { defects: 0, detained: false }), record('pollutant-delivery', 'minor', { baseline: 'at' })]),
    ).toEqual({
      score: 103,
      grade: 'blue',
    });
  });
});
