import { gradeActionOf, isGradeChange } from './partner-grade-change';

const grade = {
  subject: { kind: 'org', id: '914201001234567890', name: '武汉某运输有限公司' },
  schemeId: 'henan-passenger-hazardous-codes',
  schemeName: '河南省“两客一危”经营者安全生产信用“红黄绿”码',
  grade: 'green',
  gradeLabel: '绿码',
  cycle: '2026-Q4',
  evaluatedAt: '2026-11-03T00:00:00.000Z',
  version: 3,
  effectiveAt: '2026-11-03T00:00:00.000Z',
};

describe('a partner feed’s grade change (docs/exchange.md "Grades", ADR 0085)', () => {
  it('knows the two grade types only', () => {
    expect(isGradeChange({ type: 'grade.in-force' })).toBe(true);
    expect(isGradeChange({ type: 'grade.withdrawn' })).toBe(true);
    expect(isGradeChange({ type: 'grade.published' })).toBe(false);
    expect(isGradeChange({ type: 'record.in-force' })).toBe(false);
  });

  it('holds an in-force grade and withdraws a withdrawn one, with the partner’s reason', () => {
    expect(gradeActionOf({ id: 'g1', type: 'grade.in-force', grade })).toEqual({
      kind: 'hold',
      changeId: 'g1',
      grade: { ...grade, effectiveAt: undefined, removalReason: '' },
    } as unknown);
    const withdrawn = gradeActionOf({ id: 'g2', type: 'grade.withdrawn', grade: { ...grade, removal: { reason: 'SECTOR_OUTSIDE', removedAt: 'x' } } });
    expect(withdrawn).toMatchObject({ kind: 'withdraw', grade: { removalReason: 'SECTOR_OUTSIDE', version: 3 } });
  });

  it('is invalid without what applying needs, each gap named', () => {
    const invalid = gradeActionOf({
      id: 'g3',
      type: 'grade.in-force',
      grade: { ...grade, subject: { kind: 'person', id: 'x' }, version: 0, evaluatedAt: 'soon' },
    });
    expect(invalid.kind).toBe('invalid');
    const reason = invalid.kind === 'invalid' ? invalid.reason : '';
    for (const field of ['grade.subject.kind', 'grade.version', 'grade.evaluatedAt']) expect(reason).toContain(field);
    expect(gradeActionOf({ id: 'g4', type: 'grade.in-force' })).toMatchObject({ kind: 'invalid' });
  });
});
