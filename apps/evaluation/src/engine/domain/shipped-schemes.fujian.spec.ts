import { GRADE_LADDERS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact } from './evaluate';
import { FUJIAN_CONSTRUCTION_MARKET, SHIPPED_SCHEMES } from './shipped-schemes';

/*
 * Fujian construction market (seed 004 案例11). The seed names the six assessor units and says they
 * are weighted by responsibility, but gives no numbers: this version's placeholders are 主管部门 0.25,
 * 质量监督 0.2, 造价管理 0.1, 项目业主 0.3, 设计咨询 0.1, 设计审查专家 0.05; a unit that has not assessed
 * drops out (reweight); bands AA ≥ 90, A 80–<90, B 60–<80, C 40–<60, D < 40 (placeholder). The
 * seed's own rules: a responsible accident → C or D directly; AA after 3 sections won (A after 2)
 * bids as B. Expected values are computed by hand from those numbers.
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(FUJIAN_CONSTRUCTION_MARKET));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

let n = 0;
const record = (type: string, payload: Record<string, unknown>, severity = 'minor'): RecordFact => ({
  id: `f${String(++n).padStart(3, '0')}`,
  type,
  severity,
  decisionDate: '2026-10-02',
  payload,
  receivedAt: '2026-10-03T09:00:00+08:00',
});
const assessment = (assessorRole: string, score: number) =>
  record('credit-assessment', { assessorRole, assessor: assessorRole, project: '莆炎高速公路', score });
const accident = (responsibility: string, deaths: number) =>
  record(
    'accident',
    { occurredAt: '2026-09-01T10:00:00+08:00', location: '工地', responsibility, deaths, injuries: 0, description: '坍塌', determinedBy: '应急管理部门' },
    'severe',
  );
const award = (creditGradeUsed: string) => record('bid-award', { project: 'P', contractSection: `S${n}`, tenderer: 'T', creditGradeUsed });
const grade = (records: RecordFact[]) =>
  evaluateSubject(scheme, { subject: { id: '91350100M000100Y43', kind: 'org', region: '350100', lists: [] }, records, at: AT });

/** All six units assess: 0.3 × 95 + 0.25 × 92 + 0.2 × 90 + 0.1 × 88 + 0.1 × 94 + 0.05 × 96 = 28.5 + 23 + 18 + 8.8 + 9.4 + 4.8 = 92.5 → AA. */
const SIX_UNITS_AA = () => [
  assessment('project-owner', 95),
  assessment('competent-authority', 92),
  assessment('quality-supervision', 90),
  assessment('cost-management', 88),
  assessment('design-consultant', 94),
  assessment('design-review-expert', 96),
];

describe('Fujian construction market (seed 004 案例11)', () => {
  it('is shipped, grades organisations of 350000 on AA-D, and weights the six units the seed names', () => {
    expect(SHIPPED_SCHEMES).toContain(FUJIAN_CONSTRUCTION_MARKET);
    expect(FUJIAN_CONSTRUCTION_MARKET.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS['AA-D']]);
    const indicator = FUJIAN_CONSTRUCTION_MARKET.scoring.kind === 'indicators' ? FUJIAN_CONSTRUCTION_MARKET.scoring.indicators[0] : undefined;
    expect(indicator?.assessments?.roles.map((r) => r.role).sort()).toEqual(
      ['competent-authority', 'cost-management', 'design-consultant', 'design-review-expert', 'project-owner', 'quality-supervision'].sort(),
    );
    expect(FUJIAN_CONSTRUCTION_MARKET.notes?.some((note) => note.startsWith('Placeholder') && note.includes('no weights'))).toBe(true);
  });

  it('six units: 92.5 → AA', () => {
    expect(grade(SIX_UNITS_AA())).toMatchObject({ score: 92.5, grade: 'AA' });
  });

  it('owner 92, regulator 88, quality supervision 85; the other three silent: (27.6 + 22 + 17) / 0.75 = 88.8 → A, line by line', () => {
    const r = grade([assessment('project-owner', 92), assessment('competent-authority', 88), assessment('quality-supervision', 85)]);
    expect({ score: r.score, grade: r.grade }).toEqual({ score: 88.8, grade: 'A' });
    // Each line, in the scheme's role order: 100 × weight × score / 100 / 0.75 (they add up to 88.8).
    expect(r.explanation.items.filter((i) => i.recordId).map((i) => [i.ruleId, i.points])).toEqual([
      ['comprehensive-assessment/competent-authority', 29.333],
      ['comprehensive-assessment/quality-supervision', 22.667],
      ['comprehensive-assessment/project-owner', 36.8],
    ]);
    expect(r.explanation.items.filter((i) => !i.recordId && i.ruleId !== 'comprehensive-assessment').map((i) => i.ruleId)).toEqual([
      'comprehensive-assessment/cost-management',
      'comprehensive-assessment/design-consultant',
      'comprehensive-assessment/design-review-expert',
    ]);
  });

  it('a responsible accident grades directly C (AA by score → C)', () => {
    const r = grade([...SIX_UNITS_AA(), accident('secondary', 0)]);
    expect({ score: r.score, grade: r.grade }).toEqual({ score: 92.5, grade: 'C' });
    expect(r.explanation.adjustments.map((a) => [a.id, a.from, a.to])).toEqual([['responsible-accident', 'AA', 'C']]);
  });

  it('a fatal accident with main responsibility grades directly D', () => {
    const r = grade([...SIX_UNITS_AA(), accident('main', 1)]);
    expect(r.grade).toBe('D');
    expect(r.explanation.adjustments.map((a) => [a.id, a.from, a.to])).toEqual([
      ['responsible-accident', 'AA', 'C'],
      ['fatal-main-responsibility-accident', 'C', 'D'],
    ]);
  });

  it('an accident without responsibility changes nothing', () => {
    expect(grade([...SIX_UNITS_AA(), accident('none', 1)]).grade).toBe('AA');
  });

  it('AA that won 3 sections with AA credit bids as B from then on; 2 are not yet enough', () => {
    expect(grade([...SIX_UNITS_AA(), award('AA'), award('AA')]).triggers).toEqual([]);
    expect(grade([...SIX_UNITS_AA(), award('AA'), award('AA'), award('AA')]).triggers.map((t) => t.id)).toEqual(['bid-credit-as-b']);
  });

  it('A that won 2 sections with A credit bids as B; AA-credit wins do not count for A', () => {
    const a = [assessment('project-owner', 85)]; // alone: 0.3 × 85 / 0.3 = 85 → A
    expect(grade([...a, award('A'), award('A')])).toMatchObject({ grade: 'A', triggers: [expect.objectContaining({ id: 'bid-credit-as-b' })] });
    expect(grade([...a, award('AA'), award('A')]).triggers).toEqual([]);
  });

  it('no unit has assessed: 0 → D, and the explanation says why', () => {
    const r = grade([]);
    expect({ score: r.score, grade: r.grade }).toEqual({ score: 0, grade: 'D' });
    expect(r.explanation.items.map((i) => i.note)).toContain('no weighted assessor has assessed this cycle: the indicator counts 0');
  });
});
