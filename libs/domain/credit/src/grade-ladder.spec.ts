import fc from 'fast-check';
import {
  GRADE_LADDERS,
  GRADE_LADDER_IDS,
  compareGrades,
  gradeRank,
  isGradeLadderId,
  isGradeOf,
  tierOf,
  type GradeLadderId,
  type GradeOf,
} from './grade-ladder';

describe('grade ladders', () => {
  it('are ordered best to worst', () => {
    expect(GRADE_LADDERS).toEqual({
      'AA-D': ['AA', 'A', 'B', 'C', 'D'],
      'AAA-B': ['AAA', 'AA', 'A', 'B'],
      'traffic-light': ['green', 'yellow', 'red'],
      'four-colour': ['green', 'blue', 'yellow', 'red'],
      stars: ['5', '4', '3', '2', '1', '0'],
      risk: ['low', 'medium', 'high'],
    });
    expect(GRADE_LADDER_IDS).toEqual(Object.keys(GRADE_LADDERS));
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(GRADE_LADDERS)).toBe(true);
    expect(Object.isFrozen(GRADE_LADDERS['AA-D'])).toBe(true);
  });

  it('compares grades: negative means better', () => {
    expect(compareGrades('AA-D', 'AA', 'B')).toBeLessThan(0);
    expect(compareGrades('AA-D', 'D', 'C')).toBeGreaterThan(0);
    expect(compareGrades('AA-D', 'B', 'B')).toBe(0);
    expect(compareGrades('traffic-light', 'red', 'green')).toBeGreaterThan(0);
    expect(compareGrades('four-colour', 'blue', 'yellow')).toBeLessThan(0);
    expect(compareGrades('stars', '5', '0')).toBeLessThan(0);
    expect(compareGrades('risk', 'high', 'low')).toBeGreaterThan(0);
    expect(compareGrades('AAA-B', 'AAA', 'AA')).toBeLessThan(0);
  });

  it('sorts best first', () => {
    const grades: GradeOf<'AA-D'>[] = ['C', 'AA', 'D', 'B', 'A'];
    expect(grades.sort((a, b) => compareGrades('AA-D', a, b))).toEqual(['AA', 'A', 'B', 'C', 'D']);
  });

  it('recognises members of a ladder', () => {
    expect(isGradeOf('AA-D', 'A')).toBe(true);
    expect(isGradeOf('AA-D', 'AAA')).toBe(false);
    expect(isGradeOf('AAA-B', 'AAA')).toBe(true);
    expect(isGradeLadderId('stars')).toBe(true);
    expect(isGradeLadderId('toString')).toBe(false);
  });

  it('refuses grades from another ladder', () => {
    expect(() => gradeRank('AA-D', 'AAA' as GradeOf<'AA-D'>)).toThrow(RangeError);
    expect(() => compareGrades('risk', 'green' as GradeOf<'risk'>, 'low')).toThrow(RangeError);
  });

  it('is a total order on every ladder (antisymmetric, transitive)', () => {
    const ladderAndGrades = fc.constantFrom(...GRADE_LADDER_IDS).chain((id: GradeLadderId) => {
      const grade = fc.constantFrom(...(GRADE_LADDERS[id] as readonly string[]));
      return fc.tuple(fc.constant(id), grade, grade, grade);
    });
    fc.assert(
      fc.property(ladderAndGrades, ([id, a, b, c]) => {
        const cmp = (x: string, y: string) => compareGrades(id, x as GradeOf<typeof id>, y as GradeOf<typeof id>);
        expect(Math.sign(cmp(a, b)) + Math.sign(cmp(b, a))).toBe(0);
        expect(cmp(a, b) === 0).toBe(a === b);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('tierOf', () => {
  // seed 004 案例1 (Beijing, 四等九级): 良（A）and 中（B）are tiers the seed names.
  const ladder = {
    tiers: [
      { name: '良', grades: ['A+', 'A', 'A-'] },
      { name: '中', grades: ['B+', 'B', 'B-'] },
    ],
  };

  it('names the tier a grade is in', () => {
    expect([tierOf(ladder, 'A'), tierOf(ladder, 'B-')]).toEqual(['良', '中']);
  });

  it('is undefined for a ladder without tiers or a grade in none', () => {
    expect(tierOf({}, 'A')).toBeUndefined();
    expect(tierOf(ladder, 'C')).toBeUndefined();
  });
});
