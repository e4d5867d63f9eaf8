import { References, schemeCatalogue, type KnownScheme } from './config-problem';

/*
 * Grades named by configuration are checked against the grades a scheme announced (ADR 0050): a
 * scheme may grade on its own ladder, e.g. Beijing's nine levels (seed 004 案例1 四等九级), which
 * are on no shared ladder.
 */
const BEIJING: KnownScheme = {
  schemeId: 'beijing-commuter-bus-grades',
  version: 2,
  ladderId: 'beijing-four-tiers-nine-levels',
  grades: ['AAA', 'AA', 'A+', 'A', 'A-', 'B+', 'B', 'B-', 'C'],
  sectors: ['road-passenger', 'bus'],
  regions: ['110000'],
};

const check = (schemes: KnownScheme[], grades: string[]) => {
  const refs = new References(schemeCatalogue(schemes));
  refs.scheme(
    'plans[0].schemeId',
    BEIJING.schemeId,
    grades.map((grade, i) => ({ path: `plans[0].ladder[${i}]`, grade })),
  );
  return refs.problems.map((p) => [p.path, p.reference, p.code]);
};

describe('References.scheme with a scheme on its own ladder', () => {
  it("accepts the published scheme's own grades, though they are on no shared ladder", () => {
    expect(check([BEIJING], ['A+', 'B-', 'C'])).toEqual([]);
  });

  it('refuses a shared grade the scheme does not give, and a grade on no ladder at all', () => {
    expect(check([BEIJING], ['D', 'A++'])).toEqual([
      ['plans[0].ladder[0]', 'D', 'GRADE_NOT_ON_LADDER'],
      ['plans[0].ladder[1]', 'A++', 'UNKNOWN_GRADE'],
    ]);
  });

  it('before the scheme is published, its own grades wait with the item (pending), not refused', () => {
    expect(check([], ['A+', 'B-'])).toEqual([['plans[0].schemeId', BEIJING.schemeId, 'UNKNOWN_SCHEME']]);
  });

  it('before the scheme is published, shared grades still have to be on one ladder', () => {
    expect(check([], ['AAA', 'D'])).toEqual([
      ['plans[0].schemeId', BEIJING.schemeId, 'UNKNOWN_SCHEME'],
      ['plans[0].ladder[0]', 'AAA', 'UNKNOWN_GRADE'],
    ]);
  });
});
