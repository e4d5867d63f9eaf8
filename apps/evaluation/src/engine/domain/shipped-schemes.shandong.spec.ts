import { GRADE_LADDERS, ROAD_TRANSPORT_SECTORS } from '@domain/credit';
import { compileScheme } from './compile-scheme';
import { evaluateSubject, RecordFact, SubjectRegistration } from './evaluate';
import { HANGZHOU_ROAD_TRANSPORT, SHANDONG_ROAD_TRANSPORT } from './shipped-schemes';
import { applicability, ScopedRecordFact } from './standing';

/*
 * Shandong safety-production credit (seed 004 案例8): five grades AA, A, B, C, D; "未按要求开展信用注册、
 * 承诺、自评的，一律按照 C 级管理". The seed gives no points: this version's placeholders are base 85,
 * AA ≥ 90, A 80–<90, B 70–<80, C 60–<70, D < 60, penalties −5/−10/−20, a responsible accident −20
 * (severe −40), a commendation +5 (provincial or national +10, bonus ≤ 15). Expected values are
 * computed by hand from those numbers; the C cap is the seed's rule, read as "at most C" (notes).
 */
const AT = new Date('2026-11-21T12:00:00+08:00');
const result = compileScheme(structuredClone(SHANDONG_ROAD_TRANSPORT));
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const scheme = result.scheme;

const ON_PLATFORM = { registered: true, committed: true, selfAssessed: true };
const registration = (credit = ON_PLATFORM, region = '370102', active = true): SubjectRegistration => ({
  region,
  sectors: ['general-cargo'],
  registeredOn: '2015-01-01',
  credit,
  active,
});

let n = 0;
const record = (type: string, severity: string, payload: Record<string, unknown> = {}, region = '370102'): ScopedRecordFact => ({
  id: `s${++n}`,
  type,
  severity,
  decisionDate: '2026-10-02',
  payload,
  receivedAt: '2026-10-03T09:00:00+08:00',
  region,
});
const grade = (records: RecordFact[], reg: SubjectRegistration | null = registration()) => {
  const r = evaluateSubject(scheme, {
    subject: { id: 'S1', kind: 'org', region: '370102', lists: [], registration: reg },
    records,
    at: AT,
  });
  return { score: r.score, grade: r.grade, capped: r.explanation.adjustments.map((a) => [a.id, a.from, a.to]) };
};

describe('Shandong safety-production credit grades (seed 004 案例8)', () => {
  it('grades Shandong road transport operators on AA/A/B/C/D and every registered one, records or not (ADR 0051)', () => {
    expect(SHANDONG_ROAD_TRANSPORT.ladder.rungs.map((r) => r.grade)).toEqual([...GRADE_LADDERS['AA-D']]);
    expect(SHANDONG_ROAD_TRANSPORT.regions).toEqual(['370000']);
    expect(SHANDONG_ROAD_TRANSPORT.sectors).toEqual([...ROAD_TRANSPORT_SECTORS]);
    expect(SHANDONG_ROAD_TRANSPORT.gradesRegisteredSubjects).toBe(true);
    expect(SHANDONG_ROAD_TRANSPORT.notes?.join(' ')).toMatch(/[Pp]laceholder/);
  });

  it('a registered, committed, self-assessed operator with no records keeps the base 85: A', () => {
    expect(grade([])).toEqual({ score: 85, grade: 'A', capped: [] });
  });

  it('85 + 5 (city commendation) = 90: AA; a provincial one adds 10, all together at most 15', () => {
    expect(grade([record('commendation', 'minor', { level: 'city' })])).toMatchObject({ score: 90, grade: 'AA' });
    expect(grade([record('commendation', 'minor', { level: 'provincial' }), record('commendation', 'minor', { level: 'national' })])).toMatchObject({
      score: 100,
      grade: 'AA',
    });
  });

  it('85 − 10 (general penalty) = 75: B; 85 − 20 (severe) = 65: C; 85 − 2 × 20 = 45: D', () => {
    expect(grade([record('administrative-penalty', 'general')])).toMatchObject({ score: 75, grade: 'B' });
    expect(grade([record('administrative-penalty', 'severe')])).toMatchObject({ score: 65, grade: 'C' });
    expect(grade([record('administrative-penalty', 'severe'), record('administrative-penalty', 'severe')])).toMatchObject({ score: 45, grade: 'D' });
  });

  it('85 − 20 (responsible accident) = 65: C; − 40 when severe = 45: D; an accident without responsibility deducts nothing', () => {
    expect(grade([record('accident', 'general', { responsibility: 'main' })])).toMatchObject({ score: 65, grade: 'C' });
    expect(grade([record('accident', 'severe', { responsibility: 'full' })])).toMatchObject({ score: 45, grade: 'D' });
    expect(grade([record('accident', 'severe', { responsibility: 'none' })])).toMatchObject({ score: 85, grade: 'A' });
  });

  describe('未按要求开展信用注册、承诺、自评的，一律按照 C 级管理 (seed 004 案例8)', () => {
    const capped = [['not-registered-committed-self-assessed', 'A', 'C']];

    it('no records, never committed nor self-assessed: 85 would be A, managed as C', () => {
      expect(grade([], registration({ registered: true, committed: false, selfAssessed: false }))).toEqual({ score: 85, grade: 'C', capped });
    });

    it('missing any one of the three is enough: not registered, not committed, or not self-assessed', () => {
      expect(grade([], registration({ registered: false, committed: true, selfAssessed: true })).grade).toBe('C');
      expect(grade([], registration({ registered: true, committed: false, selfAssessed: true })).grade).toBe('C');
      expect(grade([], registration({ registered: true, committed: true, selfAssessed: false })).grade).toBe('C');
    });

    it('unknown to the registry (records only): not registered, so C', () => {
      expect(grade([record('commendation', 'minor', { level: 'city' })], null)).toMatchObject({ score: 90, grade: 'C' });
    });

    it('at most C, not exactly: records giving D keep D (45), staying off the platform never lifts a grade', () => {
      const unregistered = registration({ registered: false, committed: false, selfAssessed: false });
      expect(grade([record('administrative-penalty', 'severe'), record('administrative-penalty', 'severe')], unregistered)).toEqual({
        score: 45,
        grade: 'D',
        capped: [],
      });
    });
  });

  describe('which operators it grades (ADR 0051)', () => {
    it('an operator listed active in Shandong with no record, under its registration region', () => {
      expect(applicability(SHANDONG_ROAD_TRANSPORT, 'org', [], registration())).toEqual({ applies: true, region: '370102' });
    });

    it('a record in Shandong decides the region over the registration', () => {
      expect(applicability(SHANDONG_ROAD_TRANSPORT, 'org', [record('administrative-penalty', 'minor', {}, '370200')], registration())).toEqual({
        applies: true,
        region: '370200',
      });
    });

    it('not one registered elsewhere, deregistered (inactive), outside its sectors, or unknown with no record', () => {
      expect(applicability(SHANDONG_ROAD_TRANSPORT, 'org', [], registration(ON_PLATFORM, '410102'))).toEqual({ applies: false, reason: 'region' });
      expect(applicability(SHANDONG_ROAD_TRANSPORT, 'org', [], registration(ON_PLATFORM, '370102', false))).toEqual({ applies: false, reason: 'region' });
      expect(applicability(SHANDONG_ROAD_TRANSPORT, 'org', [], { ...registration(), sectors: ['waterway'] })).toEqual({
        applies: false,
        reason: 'sector-outside',
      });
      expect(applicability(SHANDONG_ROAD_TRANSPORT, 'org', [], null)).toEqual({ applies: false, reason: 'region' });
    });

    it('a scheme without the flag still waits for a record (Hangzhou grades the operators reported on)', () => {
      const hangzhou = registration(ON_PLATFORM, '330100');
      expect(applicability(HANGZHOU_ROAD_TRANSPORT, 'org', [], hangzhou)).toEqual({ applies: false, reason: 'region' });
      expect(applicability(HANGZHOU_ROAD_TRANSPORT, 'org', [record('administrative-penalty', 'minor', {}, '330100')], hangzhou)).toEqual({
        applies: true,
        region: '330100',
      });
    });

    it('refuses the flag on a scheme of kinds the registry does not list', () => {
      const vessels = compileScheme({ ...structuredClone(SHANDONG_ROAD_TRANSPORT), subjectKinds: ['vessel'], sectors: undefined });
      expect(vessels.ok ? [] : vessels.problems.map((p) => [p.field, p.code])).toEqual([['gradesRegisteredSubjects', 'NO_REGISTRY_KIND']]);
    });
  });
});
