import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { SUZHOU_ROAD_TRANSPORT_SAFETY } from './shipped-schemes';

/*
 * Suzhou graded safety supervision (seed 004 苏州; seed 003): 5 first-level indicators (运输资质、安全管理、
 * 动态监测、行业监管、违法违规), scoring plus veto (有责亡人事故 → D), grades A/B/C/D, quarterly. The seed
 * gives no points: this version's placeholders are five equal indicators on a 100 scale (each worth
 * 20 × its value), A ≥ 90, B 75–<90, C 60–<75, D < 60. Expected values are computed by hand from them.
 */
const AT = new Date('2026-11-21T12:00:00+08:00'); // 2026-Q4
const result = compileScheme(structuredClone(SUZHOU_ROAD_TRANSPORT_SAFETY));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}, decisionDate = '2026-10-02'): RecordFact => ({
  id: `sz${++n}`,
  type,
  severity,
  decisionDate,
  payload,
  receivedAt: `${decisionDate}T09:00:00+08:00`,
});
const times = (count: number, make: () => RecordFact) => Array.from({ length: count }, make);
const evaluate = (records: RecordFact[]) =>
  evaluateSubject(scheme, { subject: { id: 'S1', kind: 'org', region: '320505', lists: [], registeredOn: '2020-01-01' }, records, at: AT });
const grade = (records: RecordFact[]) => {
  const r = evaluate(records);
  return { score: r.score, grade: r.grade };
};
const responsibleAccident = (deaths: number, responsibility = 'main') => record('accident', 'severe', { deaths, responsibility });

describe('Suzhou road transport safety (seed 004 苏州: indicators and veto, A–D, quarterly)', () => {
  it('grades passenger, general-cargo and hazardous carriers of 320500 quarterly on A, B, C, D', () => {
    // seed 004: 分为 A、B、C、D 四个等级，评价结果每季度发布一次; 客运、普货、危货.
    expect(SUZHOU_ROAD_TRANSPORT_SAFETY.ladder.rungs.map((r) => r.grade)).toEqual(['A', 'B', 'C', 'D']);
    expect(SUZHOU_ROAD_TRANSPORT_SAFETY.cycle).toEqual({ kind: 'quarter' });
    expect(SUZHOU_ROAD_TRANSPORT_SAFETY.sectors).toEqual(['road-passenger', 'general-cargo', 'hazardous-goods']);
    expect(SUZHOU_ROAD_TRANSPORT_SAFETY.regions).toEqual(['320500']);
  });

  it('has the five first-level indicators the seed names, and says its numbers are placeholders', () => {
    const scoring = SUZHOU_ROAD_TRANSPORT_SAFETY.scoring;
    expect(scoring.kind === 'indicators' && scoring.indicators.map((i) => i.basis.slice(0, 4))).toEqual([
      '运输资质',
      '安全管理',
      '动态监测',
      '行业监管',
      '违法违规',
    ]);
    expect(SUZHOU_ROAD_TRANSPORT_SAFETY.notes?.[0]).toContain('placeholder');
    expect(SUZHOU_ROAD_TRANSPORT_SAFETY.notes?.[0]).toContain('37/34/44');
  });

  it('a clean enterprise: 5 × 20 = 100 → A', () => {
    expect(grade([])).toEqual({ score: 100, grade: 'A' });
  });

  it('3 alarms (20 × 0.7 = 14) and 2 penalties (20 × 0.6 = 12): 20 + 20 + 14 + 20 + 12 = 86 → B', () => {
    const r = evaluate([...times(3, () => record('monitoring-violation', 'minor')), ...times(2, () => record('administrative-penalty', 'general'))]);
    expect({ score: r.score, grade: r.grade }).toEqual({ score: 86, grade: 'B' });
    expect(r.explanation.items.map((i) => [i.ruleId, i.points])).toEqual([
      ['qualification', 20],
      ['safety-management', 20],
      ['dynamic-monitoring', 14],
      ['industry-supervision', 20],
      ['violations', 12],
    ]);
  });

  it('a licence revoked: qualification 0 and violations 20 × 0.8 = 16: 76 → B', () => {
    expect(grade([record('administrative-penalty', 'severe', { penaltyCategories: ['fine', 'licence-revocation'] })])).toEqual({ score: 76, grade: 'B' });
  });

  it('two responsible accidents without deaths (safety 0) and three penalties (20 × 0.4 = 8): 68 → C', () => {
    expect(grade([responsibleAccident(0), responsibleAccident(0, 'full'), ...times(3, () => record('administrative-penalty', 'general'))])).toEqual({
      score: 68,
      grade: 'C',
    });
  });

  it('by score alone: a licence revoked, two responsible accidents, five penalties: 0 + 0 + 20 + 20 + 0 = 40 → D', () => {
    const revoked = record('administrative-penalty', 'severe', { penaltyCategories: ['licence-suspension'] });
    expect(grade([revoked, ...times(4, () => record('administrative-penalty', 'general')), responsibleAccident(0), responsibleAccident(0)])).toEqual({
      score: 40,
      grade: 'D',
    });
  });

  it('a fatal accident with main responsibility: the veto sets D whatever the score (safety 20 × 0.5: 90)', () => {
    // seed 004 苏州：对发生有责亡人事故的，直接定为 D 级.
    const r = evaluate([responsibleAccident(1)]);
    expect({ score: r.score, grade: r.grade }).toEqual({ score: 90, grade: 'D' });
    expect(r.explanation.adjustments).toEqual([expect.objectContaining({ id: 'fatal-accident-veto', from: 'A', to: 'D' })]);
  });

  it('a fatal accident without responsibility, or a responsible one without deaths: no veto', () => {
    expect(grade([record('accident', 'severe', { deaths: 2, responsibility: 'none' })])).toEqual({ score: 100, grade: 'A' });
    expect(grade([responsibleAccident(0, 'full')])).toEqual({ score: 90, grade: 'A' });
  });

  it("last quarter's fatal accident does not veto this quarter (quarterly cycle)", () => {
    expect(grade([record('accident', 'severe', { deaths: 1, responsibility: 'full' }, '2026-09-20')])).toEqual({ score: 100, grade: 'A' });
  });
});
