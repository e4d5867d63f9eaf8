import { tierOf } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { BEIJING_COMMUTER_BUS_GRADES } from './shipped-schemes';

/*
 * Beijing commuter bus operators (seed 004 案例1, 京津冀通勤定制快巴):
 * - "对市场主体实施四等九级信用评价": four tiers, nine levels, on the scheme's own ladder;
 * - "运营企业初始等级原则上为中（B）级，如作出初始等级信用承诺并提交信用承诺书的，初始等级可升级为良（A）级":
 *   B (tier 中) without, A (tier 良) with an initial-grade commitment;
 * - "违背信用和优质服务承诺的企业…每次发现扣50分" and "发现违诺情形，信用评价等级降级": −50 per broken
 *   commitment, and the grade goes down.
 * Placeholders of this version (the scheme's notes): the level names other than A and B, the
 * tier split 优 AAA/AA, 良 A+/A/A-, 中 B+/B/B-, 差 C, the 50-point bands (AAA ≥ 900, AA 850,
 * A+ 800, A 750, A- 700, B+ 650, B 600, B- 550, C below), initial B = 600 and A = 750.
 * Expected values are computed by hand from those numbers.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(BEIJING_COMMUTER_BUS_GRADES));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}, decisionDate = '2026-10-02'): RecordFact => ({
  id: `b${++n}`,
  type,
  severity,
  decisionDate,
  payload,
  receivedAt: `${decisionDate}T18:00:00+08:00`,
});
const initialGradeCommitment = () => record('credit-commitment', 'minor', { commitmentType: 'initial-grade' }, '2025-06-01');
const broken = () => record('commitment-broken', 'general');
const grade = (records: RecordFact[]) => {
  const r = evaluateSubject(scheme, { subject: { id: 'S1', kind: 'org', region: '110105', lists: [], registeredOn: '2022-07-25' }, records, at: AT });
  return { score: r.score, grade: r.grade, tier: tierOf(scheme.ladder, r.grade) };
};

describe('Beijing commuter bus grades (seed 004 案例1, 四等九级)', () => {
  it('grades on its own ladder of nine levels in four tiers, best first', () => {
    expect(scheme.ladder.grades).toHaveLength(9);
    expect(scheme.ladder.tiers?.map((t) => t.name)).toEqual(['优', '良', '中', '差']);
    expect(scheme.ladder.tiers?.flatMap((t) => t.grades)).toEqual([...scheme.ladder.grades]);
    // The seed's two named levels sit in the tiers it names: 良（A）, 中（B）.
    expect([tierOf(scheme.ladder, 'A'), tierOf(scheme.ladder, 'B')]).toEqual(['良', '中']);
  });

  it('no commitment: the initial grade B (600), tier 中', () => {
    expect(grade([])).toEqual({ score: 600, grade: 'B', tier: '中' });
  });

  it('an initial-grade commitment raises it to A (750), tier 良, even when signed in an earlier cycle', () => {
    expect(grade([initialGradeCommitment()])).toEqual({ score: 750, grade: 'A', tier: '良' });
  });

  it.each([
    [1, 700, 'A-', '良'],
    [2, 650, 'B+', '中'],
    [3, 600, 'B', '中'],
    [4, 550, 'B-', '中'],
    [5, 500, 'C', '差'],
  ])('committed, then %i broken commitment(s): 750 − 50 each = %i → %s (%s), one level down per breach', (count, score, level, tier) => {
    const result = grade([initialGradeCommitment(), ...Array.from({ length: count }, broken)]);
    expect(result).toEqual({ score, grade: level, tier });
  });

  it('each breach is explained as −50 with its basis', () => {
    const breach = broken();
    const r = evaluateSubject(scheme, { subject: { id: 'S1', kind: 'org', region: '110105', lists: [] }, records: [initialGradeCommitment(), breach], at: AT });
    expect(r.explanation.items).toEqual([expect.objectContaining({ ruleId: 'broken-commitment', recordId: breach.id, points: -50 })]);
  });

  it('a commitment of another kind raises nothing', () => {
    expect(grade([record('credit-commitment', 'minor', { commitmentType: 'voluntary' })])).toMatchObject({ grade: 'B', tier: '中' });
  });

  it('the notes say which numbers are placeholders', () => {
    expect(BEIJING_COMMUTER_BUS_GRADES.notes?.filter((note) => /placeholder/i.test(note))).toHaveLength(3);
  });
});
