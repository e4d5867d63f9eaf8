import { SUBJECT_KINDS, isSubjectKind, sameSubject, subjectIdOf, subjectRefOf, type SubjectKind } from './subject';

const context = { today: '2025-06-30' };

describe('subjectIdOf', () => {
  it('lists the four subject kinds', () => {
    expect(SUBJECT_KINDS).toEqual(['org', 'person', 'vehicle', 'vessel']);
    expect(isSubjectKind('vessel')).toBe(true);
    expect(isSubjectKind('company')).toBe(false);
  });

  it.each([
    ['org', ' 91350100m000100y43 ', '91350100M000100Y43'],
    ['person', '11010519491231002x', '11010519491231002X'],
    ['vehicle', '豫a·12345:Yellow', '豫A12345:yellow'],
    ['vessel', 'cn20151234567', 'CN20151234567'],
  ] as const)('%s %p → %s', (kind, raw, id) => {
    expect(subjectIdOf(kind, raw, context)).toEqual({ ok: true, value: id });
    expect(subjectRefOf(kind, raw, context)).toEqual({ ok: true, value: { kind, id } });
  });

  it.each([
    ['org', '91350100M000100Y44', 'CHECK_CHARACTER'],
    ['org', '11010519491231002X', 'REGION'],
    ['person', '91350100M000100Y43', 'CHARSET'],
    ['person', '41010220250701001X', 'BIRTH_DATE'],
    ['vehicle', '豫A12345', 'FORMAT'],
    ['vehicle', '豫A12345:purple', 'COLOUR'],
    ['vessel', '豫信航1688', 'FORMAT'],
  ] as const)('%s %p fails with %s', (kind, raw, reason) => {
    expect(subjectIdOf(kind, raw, context)).toMatchObject({ ok: false, reason });
    expect(subjectRefOf(kind, raw, context)).toMatchObject({ ok: false, reason });
  });

  it('throws on a kind outside the union (a programming error)', () => {
    expect(() => subjectIdOf('company' as SubjectKind, 'x', context)).toThrow(RangeError);
  });

  it('compares references by kind and canonical id', () => {
    expect(sameSubject({ kind: 'org', id: 'A' }, { kind: 'org', id: 'A' })).toBe(true);
    expect(sameSubject({ kind: 'org', id: 'A' }, { kind: 'person', id: 'A' })).toBe(false);
  });
});
