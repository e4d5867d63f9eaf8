import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { GUANGXI_CHANGZHOU_LOCK_POINTS } from './shipped-schemes';

/*
 * Guangxi Changzhou lock points (seed 004 案例13): 400-point base; a safe passage within the
 * standard time earns points, 瞒报吃水 and 遮挡船名 cost points; three star levels; three-star ships
 * may redeem 20 points for 60 queue places. The seed gives the base and the exchange rate only:
 * +5 per passage, −20/−10/−5 and the bands 3★ ≥ 420, 2★ 400–<420, 1★ < 400 are placeholders.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(GUANGXI_CHANGZHOU_LOCK_POINTS));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const passage = (actualMinutes: number, violations: string[] = [], extra: Record<string, unknown> = {}): RecordFact => ({
  id: `g${String(++n).padStart(3, '0')}`,
  type: 'lock-passage',
  severity: violations.length > 0 ? 'general' : 'minor',
  decisionDate: '2026-10-02',
  payload: { lockName: '长洲船闸', standardMinutes: 90, actualMinutes, violations, ...extra },
  receivedAt: '2026-10-03T09:00:00+08:00',
});
const grade = (records: RecordFact[]) => {
  const r = evaluateSubject(scheme, { subject: { id: 'CN20181234567', kind: 'vessel', region: '450400', lists: [] }, records, at: AT });
  return { score: r.score, grade: r.grade };
};

describe('Guangxi Changzhou lock points (seed 004 案例13)', () => {
  it('starts every vessel of 450000 at the seed’s 400 points, on three star levels', () => {
    expect(GUANGXI_CHANGZHOU_LOCK_POINTS.scoring).toMatchObject({ kind: 'points', base: 400 });
    expect(GUANGXI_CHANGZHOU_LOCK_POINTS.subjectKinds).toEqual(['vessel']);
    expect(GUANGXI_CHANGZHOU_LOCK_POINTS.ladder.rungs.map((r) => r.grade)).toEqual(['3', '2', '1']);
    expect(grade([])).toEqual({ score: 400, grade: '2' });
  });

  it('four safe passages within the standard time: 400 + 4 × 5 = 420, three stars', () => {
    expect(grade([passage(75), passage(90), passage(80), passage(60)])).toEqual({ score: 420, grade: '3' });
  });

  it('a passage over the standard time earns nothing; a clean one at exactly the standard time earns', () => {
    expect(grade([passage(91)])).toEqual({ score: 400, grade: '2' });
    expect(grade([passage(90)])).toEqual({ score: 405, grade: '2' });
  });

  it('瞒报吃水 −20 and 遮挡船名 −10 on one passage: 400 − 30 = 370, one star, and no bonus for it', () => {
    expect(grade([passage(70, ['false-draught', 'name-obscured'])])).toEqual({ score: 370, grade: '1' });
  });

  it('redeeming 20 points (60 queue places) spends them: 420 − 20 = 400 + 5 for that safe passage = 405', () => {
    const earned = [passage(75), passage(90), passage(80), passage(60)];
    expect(grade([...earned, passage(70, [], { pointsRedeemed: 20, queuePlacesJumped: 60 })])).toEqual({ score: 405, grade: '2' });
  });
});
